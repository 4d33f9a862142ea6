using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Satisfaction;

public sealed class TicketRatingConfiguration : IEntityTypeConfiguration<TicketRating>
{
    public void Configure(EntityTypeBuilder<TicketRating> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("TicketRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Comment).HasMaxLength(TicketRating.CommentMaxLength);
        // One rating per ticket: a second click races into this index and loses.
        builder.HasIndex(r => r.TicketId).IsUnique();
        // Reports: the average over a period, from the index alone.
        builder.HasIndex(r => new { r.RatedAt, r.Score });
        builder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class SlaBreachConfiguration : IEntityTypeConfiguration<SlaBreach>
{
    public void Configure(EntityTypeBuilder<SlaBreach> builder)
    {
        builder.ToTable("SlaBreaches");
        builder.Property(b => b.Kind).HasConversion(SlaKindColumn.Converter).HasMaxLength(SlaKindColumn.MaxLength);
        builder.HasIndex(b => new { b.TicketId, b.Kind }).IsUnique();
        // Reports count breaches in a date range.
        builder.HasIndex(b => new { b.BreachedAt, b.Kind });
        builder.HasOne<Ticket>().WithMany().HasForeignKey(b => b.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

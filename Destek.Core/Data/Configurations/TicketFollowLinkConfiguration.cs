using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class TicketFollowLinkConfiguration : IEntityTypeConfiguration<TicketFollowLink>
{
    public void Configure(EntityTypeBuilder<TicketFollowLink> builder)
    {
        builder.ToTable("TicketFollowLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.TokenHash).HasMaxLength(TicketFollowLink.HashLength).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.TicketId);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

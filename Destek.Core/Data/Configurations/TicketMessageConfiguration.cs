using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> builder)
    {
        builder.ToTable("TicketMessages");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.PublicId).IsUnique();
        builder.HasIndex(m => new { m.TicketId, m.CreatedAt });
        builder.Property(m => m.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.AuthorEmail).HasMaxLength(254);
        builder.Property(m => m.Body).HasMaxLength(TicketMessage.BodyMaxLength).IsRequired();
        builder.Ignore(m => m.IsPublic);
    }
}

using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class SlaEscalationConfiguration : IEntityTypeConfiguration<SlaEscalation>
{
    public void Configure(EntityTypeBuilder<SlaEscalation> builder)
    {
        builder.ToTable("SlaEscalations");
        builder.Property(e => e.Kind).HasConversion(SlaKindColumn.Converter).HasMaxLength(SlaKindColumn.MaxLength);
        // One escalation per ticket and kind: the job's guard against telling people twice.
        builder.HasIndex(e => new { e.TicketId, e.Kind }).IsUnique();
        builder.HasIndex(e => e.EscalatedAt);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

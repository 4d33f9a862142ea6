using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.ToTable("SlaPolicies");
        builder.Ignore(p => p.Targets);
        builder.HasIndex(p => new { p.Priority, p.DepartmentId }).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        // Defaults for all departments, in business minutes; admins change them at /admin/settings/sla.
        builder.HasData(
            new { Id = 1, Priority = TicketPriority.Urgent, FirstResponseMinutes = 60, ResolutionMinutes = 4 * 60 },
            new { Id = 2, Priority = TicketPriority.High, FirstResponseMinutes = 2 * 60, ResolutionMinutes = 9 * 60 },
            new { Id = 3, Priority = TicketPriority.Medium, FirstResponseMinutes = 4 * 60, ResolutionMinutes = 2 * 9 * 60 },
            new { Id = 4, Priority = TicketPriority.Low, FirstResponseMinutes = 9 * 60, ResolutionMinutes = 5 * 9 * 60 });
    }
}

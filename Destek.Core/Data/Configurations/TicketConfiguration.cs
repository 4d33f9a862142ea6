using Destek.Core.Identity;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.PublicId).IsUnique();
        builder.HasIndex(t => t.Number).IsUnique();
        builder.Property(t => t.Number).HasMaxLength(40).IsRequired();
        builder.Property(t => t.Title).HasMaxLength(Ticket.TitleMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMaxLength).IsRequired();
        builder.Property(t => t.RequesterName).HasMaxLength(200).IsRequired();
        builder.Property(t => t.RequesterEmail).HasMaxLength(254);
        builder.Property(t => t.RequesterPhone).HasMaxLength(30);
        builder.Property(t => t.ExternalRef).HasMaxLength(100);
        builder.Property(t => t.TeosId).HasMaxLength(50);
        builder.Property(t => t.CitizenshipNo).HasMaxLength(11);

        builder.HasOne(t => t.Department).WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Category).WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.SetNull);

        builder.HasMany(t => t.Messages).WithOne(m => m.Ticket).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Attachments).WithOne(a => a.Ticket).HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.History).WithOne(h => h.Ticket).HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(t => t.PendingEvents);
        builder.Ignore(t => t.WaitsOnCustomer);

        // The queue's views: newest first within a status, per assignee, per department; API lookups.
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        // With the department: the panel's per-day counts in an agent's departments read the index alone.
        builder.HasIndex(t => new { t.CreatedAt, t.DepartmentId });
        builder.HasIndex(t => new { t.AssigneeId, t.Status, t.DepartmentId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.Priority, t.CreatedAt });
        builder.HasIndex(t => new { t.DepartmentId, t.Status, t.CreatedAt });
        builder.HasIndex(t => new { t.ApiClientId, t.CreatedAt });
        builder.HasIndex(t => new { t.ApiClientId, t.ExternalRef });
        // A customer's list (CustomerTicketQueries): filters, subject search, count and deep pages from the index alone.
        builder.HasIndex(t => new { t.CustomerId, t.CreatedAt, t.Id, t.Status, t.StaffSpokeLast, t.Priority, t.CategoryId, t.Title }).HasDatabaseName("IX_Tickets_CustomerList");
        builder.HasIndex(t => t.RequesterEmail);
        // SLA (Ticket.Sla.cs): the queue's SLA sort and "SLA ihlali yakın" view walk the first; the escalation job the others.
        builder.Property(t => t.SlaNextDueAt).HasDefaultValue(Ticket.NoSlaDue);
        builder.Property(t => t.SlaResolutionUsedSeconds).HasDefaultValue(0L);
        builder.HasIndex(t => new { t.SlaNextDueAt, t.Status, t.DepartmentId, t.AssigneeId }).HasDatabaseName("IX_Tickets_SlaQueue");
        // Open tickets only (the same SQL on both providers): the open views sorted by SLA either way skip no closed
        // ticket, and (due, id) is exactly the sort's order (the id rides in every index), so no row is sorted.
        builder.HasIndex(t => new { t.SlaNextDueAt, t.Id }).HasFilter("\"Status\" IN (0, 1)").HasDatabaseName("IX_Tickets_SlaOpen");
        // "Bana atanan" sorted by SLA: sorted from the index alone, no row read per candidate.
        builder.HasIndex(t => new { t.AssigneeId, t.Status, t.DepartmentId, t.SlaNextDueAt }).HasDatabaseName("IX_Tickets_SlaAssignee");
        builder.HasIndex(t => t.FirstResponseWarnAt);
        builder.HasIndex(t => t.ResolutionWarnAt);
        builder.HasIndex(t => t.FirstResponseDueAt);
        builder.HasIndex(t => t.ResolutionDueAt);
        // The panel: solved per day, resolution times and SLA compliance by the instant of resolving, from the index
        // alone (a row read per resolved ticket made a year's resolution percentiles take seconds at 1,000,000).
        // Resolved tickets only, so creating a ticket does not touch it.
        builder.HasIndex(t => new { t.ResolvedAt, t.CreatedAt, t.DepartmentId, t.ResolutionDueAt })
            .HasFilter("\"ResolvedAt\" IS NOT NULL").HasDatabaseName("IX_Tickets_Resolved");
        // First-response times by the instant of creation, from the index alone; answered tickets only.
        builder.HasIndex(t => new { t.CreatedAt, t.FirstRespondedAt, t.DepartmentId })
            .HasFilter("\"FirstRespondedAt\" IS NOT NULL").HasDatabaseName("IX_Tickets_FirstResponded");
    }
}

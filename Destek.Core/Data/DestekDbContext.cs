using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Data;

public class DestekDbContext(DbContextOptions<DestekDbContext> options, TicketSaveHooks? hooks = null)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketMessage> TicketMessages => Set<TicketMessage>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<TicketHistoryEntry> TicketHistory => Set<TicketHistoryEntry>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<StaffDepartment> StaffDepartments => Set<StaffDepartment>();
    public DbSet<TicketNumberCounter> TicketNumberCounters => Set<TicketNumberCounter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DestekDbContext).Assembly);
    }

    /// <summary>
    /// Hands the tickets' pending events to the registered handlers before saving, so whatever they
    /// add (webhook and mail outbox rows) commits in the same transaction as the change itself.
    /// After the commit, the live notifier tells open desk pages.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var raised = ChangeTracker.Entries<Ticket>().SelectMany(e => e.Entity.PendingEvents).ToList();
        if (raised.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (hooks is null)
        {
            throw new InvalidOperationException("Ticket changes need the context from DI (TicketSaveHooks).");
        }

        // The handlers need ticket ids, so a new ticket is saved first, inside one transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var ticket in ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
            {
                ticket.AssignNumber(await hooks.Numbers.NextAsync(this, ticket.CreatedAt, cancellationToken));
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await hooks.Events.HandleAsync(this, raised, cancellationToken);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            foreach (var entry in ChangeTracker.Entries<Ticket>())
            {
                entry.Entity.ClearEvents();
            }

            if (ownTransaction is not null)
            {
                hooks.Events.NotifyCommitted(raised);
            }
            else
            {
                PendingNotifications.AddRange(raised);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Events saved inside a caller's transaction; reported by <see cref="CommitAsync"/>.</summary>
    private List<TicketEvent> PendingNotifications { get; } = [];

    /// <summary>Commits a transaction the caller opened, then tells the live notifier what it carried.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var transaction = Database.CurrentTransaction ?? throw new InvalidOperationException("No open transaction.");
        await transaction.CommitAsync(cancellationToken);
        hooks?.Events.NotifyCommitted(PendingNotifications);
        PendingNotifications.Clear();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<Ticket>().Any(e => e.Entity.PendingEvents.Count > 0)
            ? throw new InvalidOperationException("Tickets with events must be saved with SaveChangesAsync.")
            : base.SaveChanges(acceptAllChangesOnSuccess);
}

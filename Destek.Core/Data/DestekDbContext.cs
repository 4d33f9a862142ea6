using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Destek.Core.Data;

/// <summary>
/// The model. The app always runs one of the provider subclasses (<see cref="SqliteDestekDbContext"/>,
/// <see cref="PostgreSqlDestekDbContext"/>), because EF finds a migration set by the context's type.
/// </summary>
public class DestekDbContext(DbContextOptions options, TicketSaveHooks? hooks = null)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options), ITicketEventSink
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketMessage> TicketMessages => Set<TicketMessage>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<TicketHistoryEntry> TicketHistory => Set<TicketHistoryEntry>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<StaffDepartment> StaffDepartments => Set<StaffDepartment>();
    public DbSet<TicketNumberCounter> TicketNumberCounters => Set<TicketNumberCounter>();
    public DbSet<Customers.CustomerOrganization> CustomerOrganizations => Set<Customers.CustomerOrganization>();
    public DbSet<Invoices.Invoice> Invoices => Set<Invoices.Invoice>();
    public DbSet<Invoices.InvoiceItem> InvoiceItems => Set<Invoices.InvoiceItem>();
    public DbSet<Invoices.InvoiceEvent> InvoiceEvents => Set<Invoices.InvoiceEvent>();

    /// <summary>Set by the ticket group commit on SQLite: new tickets are inserted with its compiled statement.</summary>
    public PreparedTicketInsert? PreparedInsert { get; internal set; }

    IQueryable<T> ITicketEventSink.Query<T>() => Set<T>().AsNoTracking();

    void ITicketEventSink.Add<T>(T row) => Set<T>().Add(row);

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
        // Entries() runs DetectChanges over everything tracked, so the tickets are collected once.
        var tickets = ChangeTracker.Entries<Ticket>().Where(e => e.Entity.PendingEvents.Count > 0).ToList();
        if (tickets.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (hooks is null)
        {
            throw new InvalidOperationException("Ticket changes need the context from DI (TicketSaveHooks).");
        }

        if (Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Ticket changes commit in a transaction of their own, so the live notifier speaks only of committed work.");
        }

        var raised = tickets.SelectMany(e => e.Entity.PendingEvents).ToList();
        // The handlers need ticket ids, so a new ticket is saved first, inside one transaction.
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        int written = 0;
        try
        {
            await hooks.Events.PrepareAsync(this, raised, cancellationToken);
            var added = tickets.Where(e => e.State == EntityState.Added).ToList();
            if (added.Count > 0)
            {
                var numbers = await hooks.Numbers.NextAsync(this, [.. added.Select(t => t.Entity.CreatedAt)], cancellationToken);
                for (var i = 0; i < added.Count; i++)
                {
                    added[i].Entity.AssignNumber(numbers[i]);
                }

                if (PreparedInsert is { } prepared)
                {
                    await prepared.InsertAsync(this, added, cancellationToken);
                    written = added.Count;
                }
            }

            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await hooks.Events.HandleAsync(this, raised, cancellationToken);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch when (transaction.GetDbTransaction().Connection is not null)
        {
            // Rolled back explicitly, not just disposed: the SQLite write gate is released on rollback, and a kept
            // connection (the group commit's) is not closed after a failed save.
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }

        foreach (var entry in tickets)
        {
            entry.Entity.ClearEvents();
        }

        hooks.Events.NotifyCommitted(raised);
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<Ticket>().Any(e => e.Entity.PendingEvents.Count > 0)
            ? throw new InvalidOperationException("Tickets with events must be saved with SaveChangesAsync.")
            : base.SaveChanges(acceptAllChangesOnSuccess);
}

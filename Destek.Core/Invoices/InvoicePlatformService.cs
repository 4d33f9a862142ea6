using System.Linq.Expressions;
using Destek.Core.Data;
using Destek.Core.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Invoices;

/// <summary>Whose invoices a platform call sees: one organization, in one mode (sandbox or production).</summary>
public sealed record PlatformScope(int OrganizationId, bool IsSandbox);

/// <summary>Where an invoice's page of a list ends: (created, id), newest first.</summary>
public sealed record PlatformPosition(DateTime CreatedAt, int Id);

public enum PlatformOutcome
{
    Done,
    NotFound,

    /// <summary>The lifecycle does not allow the move from where the invoice is now.</summary>
    NotAllowed,
}

public sealed record PlatformChange(PlatformOutcome Outcome, Invoice? Invoice, string? Message = null);

public sealed record PlatformPage(IReadOnlyList<Invoice> Invoices, PlatformPosition? Next);

/// <summary>An invoice checked and built for the caller's mode, waiting to be numbered and written (with its idempotency key, if any).</summary>
public sealed record InvoiceCreate(PlatformScope Scope, NewInvoice Data, DateTime Now, Invoice Invoice, IdempotencyClaim? Claim, Func<Invoice, KeptAnswer>? Answer);

/// <summary>The written invoice and the answer kept with its key; no invoice when the key was already kept.</summary>
public sealed record InvoiceCreated(Invoice? Invoice, KeptAnswer? Answer)
{
    public static InvoiceCreated KeyTaken { get; } = new(null, null);
}

/// <summary>
/// Every invoice-platform read and write (seed-001). Sandbox invoices live beside production ones in
/// e_invoices with <see cref="Invoice.IsSandbox"/> set; the model hides them from every other query,
/// and here each query lifts that filter and names the caller's mode itself, so a test key never
/// reaches production data nor a live key sandbox data. Writes are one transaction each holding the
/// invoice's row; their events become e-invoice and invoice-platform webhook rows in that transaction
/// (a sandbox invoice's only the platform's, for the organization's endpoints).
/// </summary>
public sealed class InvoicePlatformService(
    IDbContextFactory<DestekDbContext> dbFactory,
    InvoiceNumberGenerator numbers,
    InvoiceService invoices,
    InvoicePlatformWebhooks platformWebhooks,
    InvoiceWebhookRaiser einvoiceWebhooks,
    IEnumerable<IInvoiceProvider> providers,
    IOptions<InvoicePlatformOptions> options,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>A numbered, queued invoice of the caller's mode. Throws <see cref="InvoiceRuleException"/> for input the domain refuses.</summary>
    public async Task<Invoice> CreateAsync(PlatformScope scope, NewInvoice data, CancellationToken cancellationToken = default)
    {
        var created = await SaveAsync([Prepare(scope, data, claim: null, answer: null)], cancellationToken);
        return created[0].Invoice!;
    }

    /// <summary>
    /// Checks and builds a queued invoice of the caller's mode, not yet numbered or saved (rule errors throw
    /// <see cref="InvoiceRuleException"/> here); <see cref="SaveAsync"/> writes it, alone or in a batch.
    /// </summary>
    public InvoiceCreate Prepare(PlatformScope scope, NewInvoice data, IdempotencyClaim? claim, Func<Invoice, KeptAnswer>? answer)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        if ((claim is null) != (answer is null))
        {
            throw new ArgumentException("An idempotency claim needs the answer it keeps.", nameof(answer));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invoice = Invoice.Create(
            data with
            {
                CustomerOrganizationId = scope.OrganizationId,
                IsSandbox = scope.IsSandbox,
                Provider = scope.IsSandbox ? SandboxInvoiceSimulator.ProviderName : options.Value.ProductionProvider,
            },
            now);
        invoice.Queue(now);
        return new InvoiceCreate(scope, data, now, invoice, claim, answer);
    }

    /// <summary>
    /// Writes prepared invoices in one transaction: numbers, rows, webhook rows and each one's idempotency key
    /// with its answer. An invoice whose key is already kept (by an earlier request, or earlier in the batch)
    /// is not written: its result carries no invoice, and the caller answers from the kept key.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceCreated>> SaveAsync(IReadOnlyList<InvoiceCreate> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            return await SaveOnceAsync(batch, cancellationToken);
        }
        catch (DbUpdateException) when (batch is [{ Claim: { } claim }])
        {
            // On PostgreSQL another node may have kept the same key since this transaction looked: its unique index says so.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Set<IdempotencyRecord>().AnyAsync(r => r.Scope == claim.Scope && r.Key == claim.Key, cancellationToken))
            {
                return [InvoiceCreated.KeyTaken];
            }

            throw;
        }
    }

    private async Task<IReadOnlyList<InvoiceCreated>> SaveOnceAsync(IReadOnlyList<InvoiceCreate> batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await KeptKeysAsync(db, batch, now, cancellationToken);
        var results = new InvoiceCreated[batch.Count];
        var written = new List<Invoice>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (item.Claim is { } claim && !taken.Add((claim.Scope, claim.Key)))
            {
                results[i] = InvoiceCreated.KeyTaken;
                continue;
            }

            item.Invoice.AssignNumber(await numbers.NextAsync(db, item.Now, item.Scope.IsSandbox ? options.Value.SandboxNumberPrefix : null, cancellationToken));
            db.Invoices.Add(item.Invoice);
            written.Add(item.Invoice);
            KeptAnswer? answer = null;
            if (item.Claim is { } kept)
            {
                answer = item.Answer!(item.Invoice);
                db.Add(kept.Complete(answer, now));
            }

            results[i] = new InvoiceCreated(item.Invoice, answer);
        }

        await db.SaveChangesAsync(cancellationToken);
        var raised = 0;
        foreach (var invoice in written)
        {
            raised += await RaiseAsync(db, invoice, cancellationToken);
        }

        if (raised > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>The batch's keys that a live record already holds (expired ones are deleted here, as BeginAsync does).</summary>
    private static async Task<HashSet<(string Scope, string Key)>> KeptKeysAsync(DestekDbContext db, IReadOnlyList<InvoiceCreate> batch, DateTime now, CancellationToken cancellationToken)
    {
        var claims = batch.Where(b => b.Claim is not null).Select(b => b.Claim!).ToList();
        if (claims.Count == 0)
        {
            return [];
        }

        var scopes = claims.Select(c => c.Scope).Distinct().ToList();
        var keys = claims.Select(c => c.Key).Distinct().ToList();
        var records = db.Set<IdempotencyRecord>().Where(r => scopes.Contains(r.Scope) && keys.Contains(r.Key));
        var cutoff = now - IdempotencyStore.Lifetime;
        await records.Where(r => r.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
        var live = await records.Select(r => new { r.Scope, r.Key }).ToListAsync(cancellationToken);
        return [.. live.Select(r => (r.Scope, r.Key))];
    }

    public async Task<Invoice?> GetAsync(PlatformScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Of(db, scope).AsNoTracking().Include(i => i.Items).FirstOrDefaultAsync(i => i.Ettn == id, cancellationToken);
    }

    /// <summary>
    /// One page, newest first, strictly after <paramref name="after"/> in (created, id) order. Keyset paging:
    /// an invoice made while a client pages is newer than every position, so it never pushes a row onto
    /// a later page (no row seen twice) nor pulls one off (none skipped).
    /// </summary>
    public async Task<PlatformPage> ListAsync(PlatformScope scope, PlatformPosition? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Of(db, scope).AsNoTracking();
        if (after is { } position)
        {
            query = query.Where(i => i.CreatedAt < position.CreatedAt || (i.CreatedAt == position.CreatedAt && i.Id < position.Id));
        }

        var rows = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(limit + 1)
            .Include(i => i.Items).AsSplitQuery().ToListAsync(cancellationToken);
        if (rows.Count <= limit)
        {
            return new PlatformPage(rows, null);
        }

        rows.RemoveAt(limit);
        return new PlatformPage(rows, new PlatformPosition(rows[^1].CreatedAt, rows[^1].Id));
    }

    /// <summary>Cancels; an invoice already cancelled is answered as it is (the call is idempotent).</summary>
    public Task<PlatformChange> CancelAsync(PlatformScope scope, Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(Scoped(scope, id), (invoice, now) => Task.FromResult(Cancel(invoice, now)), cancellationToken);

    /// <summary>The sandbox's /simulate: "sent", "failed" or "cancelled" now, whatever the simulator's delay.</summary>
    public Task<PlatformChange> SimulateAsync(PlatformScope scope, Guid id, string status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsSandbox)
        {
            throw new InvalidOperationException("Only sandbox invoices are simulated.");
        }

        return ChangeAsync(Scoped(scope, id), (invoice, now) => Task.FromResult(status switch
        {
            "sent" => Apply(invoice, new ProviderDecision(ProviderAnswer.Sent), now),
            "failed" => Apply(invoice, new ProviderDecision(ProviderAnswer.Failed, "Sandbox simülasyonu"), now),
            "cancelled" or "canceled" => Cancel(invoice, now),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        }), cancellationToken);
    }

    /// <summary>The manual provider's buttons: an admin records what happened to a production invoice.</summary>
    public Task<PlatformChange> RecordManualAsync(Guid id, ProviderAnswer answer, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(i => i.Ettn == id && !i.IsSandbox && i.Provider == ManualInvoiceProvider.ProviderName,
            (invoice, now) => Task.FromResult(Apply(invoice, new ProviderDecision(answer, reason), now)), cancellationToken);

    /// <summary>A production invoice of the manual provider, for its staff page (null for any other).</summary>
    public async Task<Invoice?> GetManualAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Invoices.AsNoTracking().Include(i => i.Items).Include(i => i.CustomerOrganization)
            .FirstOrDefaultAsync(i => i.Ettn == id && i.Provider == ManualInvoiceProvider.ProviderName, cancellationToken);
    }

    /// <summary>The newest production invoices of the manual provider, queued first, for the staff list.</summary>
    public async Task<IReadOnlyList<Invoice>> ManualQueueAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Invoices.AsNoTracking().Include(i => i.CustomerOrganization)
            .Where(i => i.Provider == ManualInvoiceProvider.ProviderName)
            .OrderBy(i => i.Status == InvoiceStatus.Queued ? 0 : 1).ThenByDescending(i => i.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The job's run: hands each queued invoice of an automatic provider, old enough for it, to that
    /// provider inside the invoice's write. Returns how many moved. Safe beside another run (or node):
    /// the write re-reads the invoice under its lock and skips one that is no longer queued.
    /// </summary>
    public async Task<int> ProcessQueuedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = 0;
        foreach (var provider in providers.Where(p => p.Automatic))
        {
            var cutoff = now - provider.MinimumAge;
            var name = provider.Name;
            List<int> due;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                due = await db.Invoices.IgnoreQueryFilters()
                    .Where(i => i.Status == InvoiceStatus.Queued && i.Provider == name && i.CreatedAt <= cutoff)
                    .OrderBy(i => i.Id).Select(i => i.Id).Take(500).ToListAsync(cancellationToken);
            }

            foreach (var id in due)
            {
                var change = await ChangeAsync(i => i.Id == id && i.Status == InvoiceStatus.Queued, async (invoice, at) =>
                    Apply(invoice, await provider.SubmitAsync(invoice, at, cancellationToken), at), cancellationToken);
                if (change is { Outcome: PlatformOutcome.Done, Invoice.Status: not InvoiceStatus.Queued })
                {
                    moved++;
                }
            }
        }

        return moved;
    }

    private static IQueryable<Invoice> Of(DestekDbContext db, PlatformScope scope) =>
        db.Invoices.IgnoreQueryFilters().Where(i => i.CustomerOrganizationId == scope.OrganizationId && i.IsSandbox == scope.IsSandbox);

    private static Expression<Func<Invoice, bool>> Scoped(PlatformScope scope, Guid id) =>
        i => i.Ettn == id && i.CustomerOrganizationId == scope.OrganizationId && i.IsSandbox == scope.IsSandbox;

    private static string? Cancel(Invoice invoice, DateTime now)
    {
        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            return null;
        }

        if (!invoice.CanMoveTo(InvoiceStatus.Cancelled))
        {
            return $"Invoice in status {PlatformInvoice.StatusOf(invoice.Status)} cannot be cancelled.";
        }

        invoice.Cancel("api", now);
        return null;
    }

    /// <summary>Sent issues the invoice (its PDF is written in this save) and records it sent; failed ends it. A repeat of where it already is changes nothing.</summary>
    private static string? Apply(Invoice invoice, ProviderDecision decision, DateTime now)
    {
        switch (decision.Answer)
        {
            case ProviderAnswer.Wait:
                return null;
            case ProviderAnswer.Sent when PlatformInvoice.StatusOf(invoice.Status) == "sent":
            case ProviderAnswer.Failed when invoice.Status == InvoiceStatus.Failed:
                return null;
            case ProviderAnswer.Sent when invoice.Status == InvoiceStatus.Queued:
                invoice.Issue(now);
                invoice.MarkSent(now);
                return null;
            case ProviderAnswer.Failed when invoice.Status == InvoiceStatus.Queued:
                invoice.Fail(decision.Reason, now);
                return null;
            default:
                return $"Invoice in status {PlatformInvoice.StatusOf(invoice.Status)} cannot become {(decision.Answer == ProviderAnswer.Sent ? "sent" : "failed")}.";
        }
    }

    /// <summary>
    /// Loads the one invoice <paramref name="which"/> names (filters lifted: the predicate says the mode),
    /// applies the change (null = done, else why not), writes the PDF when the change issued it, raises
    /// the webhooks and commits, in one transaction that holds the row.
    /// </summary>
    private async Task<PlatformChange> ChangeAsync(Expression<Func<Invoice, bool>> which, Func<Invoice, DateTime, Task<string?>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await db.Invoices.IgnoreQueryFilters().Where(which).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return new PlatformChange(PlatformOutcome.NotFound, null);
        }

        if (db.Database.IsNpgsql())
        {
            // SQLite's write transaction already excludes other writers; PostgreSQL needs the row lock.
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "e_invoices" WHERE "Id" = {id} FOR UPDATE""", cancellationToken);
        }

        var invoice = await db.Invoices.IgnoreQueryFilters().Include(i => i.Items).Include(i => i.CustomerOrganization).AsSplitQuery()
            .Where(which).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return new PlatformChange(PlatformOutcome.NotFound, null);
        }

        var wasIssued = invoice.HasBeenIssued;
        var refused = await change(invoice, clock.GetUtcNow().UtcDateTime);
        if (refused is not null)
        {
            return new PlatformChange(PlatformOutcome.NotAllowed, invoice, refused);
        }

        if (invoice.PendingEvents.Count == 0)
        {
            return new PlatformChange(PlatformOutcome.Done, invoice);
        }

        if (!wasIssued && invoice.HasBeenIssued)
        {
            await invoices.WritePdfAsync(invoice, invoice.CustomerOrganization!, cancellationToken);
        }

        await RaiseAsync(db, invoice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PlatformChange(PlatformOutcome.Done, invoice);
    }

    /// <summary>The platform's events for the organization's endpoints; production invoices are e-invoices too, sandbox ones never.</summary>
    private async Task<int> RaiseAsync(DestekDbContext db, Invoice invoice, CancellationToken cancellationToken)
    {
        var added = await platformWebhooks.RaiseAsync(db, invoice, cancellationToken);
        if (invoice.IsSandbox)
        {
            invoice.ClearEvents();
            return added;
        }

        return added + await einvoiceWebhooks.RaiseAsync(db, invoice, cancellationToken);
    }
}

/// <summary>Hands queued invoices to their provider every few seconds (Destek:InvoicePlatform:ProviderPollSeconds).</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class InvoiceProviderJob(InvoicePlatformService platform) : Quartz.IJob
{
    public static readonly Quartz.JobKey Key = new("invoice-provider", "destek");

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await platform.ProcessQueuedAsync(cancellationToken);
}

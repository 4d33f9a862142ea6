using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Destek.Core.Webhooks;

/// <summary>
/// Rings when outbox rows have committed, whoever wrote them (a ticket change, an invoice change, the
/// test button): an EF interceptor notes a save that adds deliveries and rings after its commit (or
/// right after the save when there is no explicit transaction), so the pump never looks for rows it
/// cannot see yet. Rings coalesce: one pending ring stands for any number of commits.
/// </summary>
public sealed class WebhookWakeup : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConditionalWeakTable<DbContext, object> _waiting = [];

    public void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>A ring is waiting to be taken.</summary>
    public bool Ringing => _rings.Reader.TryPeek(out _);

    /// <summary>Waits for a ring and takes it; false when <paramref name="cancellationToken"/> ends the wait.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _rings.Reader.ReadAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RingIfCommitted(eventData);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RingIfCommitted(eventData);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData?.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => RingIfWaiting(eventData?.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RingIfWaiting(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs on every save of every context, before EF's own DetectChanges: outbox rows are added with
    /// Add (never discovered through a navigation), so the tracker is read without a second change scan.
    /// </summary>
    private void Note(DbContextEventData eventData)
    {
        if (eventData?.Context is not { } context)
        {
            return;
        }

        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<WebhookDelivery>())
            {
                if (entry.State == EntityState.Added)
                {
                    _waiting.AddOrUpdate(context, this);
                    return;
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void RingIfCommitted(DbContextEventData eventData)
    {
        if (eventData?.Context is { } context && context.Database.CurrentTransaction is null)
        {
            RingIfWaiting(context);
        }
    }

    private void RingIfWaiting(DbContext? context)
    {
        // TryGetValue reads without the table's lock; most commits wrote no outbox row.
        if (context is not null && _waiting.TryGetValue(context, out _) && _waiting.Remove(context))
        {
            Ring();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _waiting.TryGetValue(context, out _))
        {
            _waiting.Remove(context);
        }
    }
}

/// <summary>
/// Delivers as soon as the wake-up rings, on this node; the Quartz job's poll stays as the safety net
/// (other nodes' commits, retries falling due, a ring lost in a crash). Claims are still database
/// updates, so the pump and the job (and other nodes) never send one row twice.
/// </summary>
public sealed class WebhookDeliveryPump(WebhookWakeup wakeup, WebhookDispatcher dispatcher, IOptions<WebhookOptions> options, ILogger<WebhookDeliveryPump> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryJobEnabled || !options.Value.WakeOnCommit)
        {
            return;
        }

        while (await wakeup.WaitAsync(stoppingToken))
        {
            try
            {
                // Sending a line's head makes its next event due: DrainAsync keeps going until nothing is left.
                await dispatcher.DrainAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Webhook wake-up delivery failed; the poll will retry");
            }
        }
    }
}

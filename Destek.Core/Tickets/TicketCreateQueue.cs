using System.Threading.Channels;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Destek.Core.Tickets;

/// <summary>Thrown to a create that arrives after the group commit stopped taking work (the server is shutting down).</summary>
public sealed class TicketCreateQueueClosedException()
    : InvalidOperationException("Sunucu kapanıyor; talep kaydedilmedi. Lütfen biraz sonra tekrar deneyin.");

/// <summary>
/// Group commit behind <see cref="TicketService.CreateAsync"/>. SQLite has one writer, and one
/// transaction per ticket made the write lock the limit (about 300 creates/s on two cores, most of it waiting).
/// Requests that arrive together are saved together: each ticket is built with <see cref="Ticket.Open"/>
/// (all rules checked per request, before queueing), then one loop saves what is waiting in one
/// SaveChanges — one transaction, the same numbering and the same event handlers (webhook outbox)
/// for every ticket. If a batch fails, its tickets are retried one by one, so one bad ticket fails
/// only its own request. Tickets with files are saved on their own by TicketService.
/// The loop is a hosted service: on shutdown it stops taking creates and saves everything already
/// queued before it ends, so every create a caller is waiting on is committed or fails, never dropped.
/// Without a running host (the admin command line) a create is saved on its own.
/// </summary>
public sealed class TicketCreateQueue(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock, ILogger<TicketCreateQueue> logger)
    : BackgroundService
{
    private const int MaxBatch = 64;
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _state;

    /// <summary>Opens the ticket now (rule errors throw here) and completes once it is committed.</summary>
    public Task<Ticket> CreateAsync(NewTicket data, Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = new Pending(data, actor, now, Ticket.Open(data, actor, now));
        if (Volatile.Read(ref _state) == NotStarted)
        {
            return SaveAloneAsync(pending);
        }

        // Fails once StopAsync has closed the channel; anything written before that is drained.
        // The completion itself is handed out, so a drained create is complete when StopAsync returns.
        return _queue.Writer.TryWrite(pending) ? pending.Completion.Task : Task.FromException<Ticket>(new TicketCreateQueueClosedException());
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _state, Running);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _state, Stopped);
        _queue.Writer.TryComplete();
        // Drained before the base class cancels the stopping token: the loop is started on the thread
        // pool with that token, so cancelling first could drop a loop that has not begun to run.
        if (ExecuteTask is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Not the stopping token: the loop ends when the closed channel is empty, not before.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await SaveAsync(batch);
            foreach (var item in batch)
            {
                item.Completion.TrySetResult(item.Ticket);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogWarning(ex, "Saving {Count} tickets together failed; saving them one by one", batch.Count);
            foreach (var item in batch)
            {
                try
                {
                    var retry = item with { Ticket = Ticket.Open(item.Data, item.Actor, item.Now) };
                    await SaveAsync([retry]);
                    item.Completion.TrySetResult(retry.Ticket);
                }
                catch (Exception single)
                {
                    item.Completion.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    private async Task<Ticket> SaveAloneAsync(Pending pending)
    {
        await SaveAsync([pending]);
        return pending.Ticket;
    }

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // Tickets filed under a confirmed customer's address are theirs from the start: one lookup per batch, not per ticket.
        var unowned = batch.Where(i => i.Ticket.CustomerId is null && !string.IsNullOrEmpty(i.Ticket.RequesterEmail)).ToList();
        if (unowned.Count > 0)
        {
            var owners = await Customers.CustomerDirectory.ClaimantsAsync(db, [.. unowned.Select(i => i.Ticket.RequesterEmail!)], CancellationToken.None);
            foreach (var item in unowned)
            {
                if (owners.TryGetValue(item.Ticket.RequesterEmail!, out var owner))
                {
                    item.Ticket.ClaimFor(owner);
                }
            }
        }

        foreach (var item in batch)
        {
            db.Tickets.Add(item.Ticket);
        }

        await db.SaveChangesAsync();
    }

    private sealed record Pending(NewTicket Data, Actor Actor, DateTime Now, Ticket Ticket)
    {
        public TaskCompletionSource<Ticket> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using System.Threading.Channels;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Destek.Core.Services;

/// <summary>
/// Group commit behind <see cref="TicketService.CreateAsync"/>. SQLite has one writer, and one
/// transaction per ticket made the write lock the limit (about 300 creates/s on two cores, most of it waiting).
/// Requests that arrive together are saved together: each ticket is built with <see cref="Ticket.Open"/>
/// (all rules checked per request, before queueing), then one loop saves what is waiting in one
/// SaveChanges — one transaction, the same numbering and the same event handlers (webhook outbox)
/// for every ticket. If a batch fails, its tickets are retried one by one, so one bad ticket fails
/// only its own request. Tickets with files are saved on their own by TicketService.
/// </summary>
public sealed class TicketCreateQueue(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock, ILogger<TicketCreateQueue> logger)
{
    private const int MaxBatch = 64;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;

    /// <summary>Opens the ticket now (rule errors throw here) and completes once it is committed.</summary>
    public Task<Ticket> CreateAsync(NewTicket data, Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = new Pending(data, actor, now, Ticket.Open(data, actor, now));
        _queue.Writer.TryWrite(pending);
        EnsureLoop();
        return pending.Completion.Task;
    }

    private void EnsureLoop()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

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
                    var retry = item with { Ticket = Ticket.Open(item.Data, item.Actor, item.Now) };
                    try
                    {
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
    }

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
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

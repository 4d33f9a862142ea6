using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Destek.Core.Tickets;

/// <summary>Thrown to a create that arrives after the group commit stopped taking work (the server is shutting down).</summary>
public sealed class TicketCreateQueueClosedException()
    : GroupCommitClosedException("Sunucu kapanıyor; talep kaydedilmedi. Lütfen biraz sonra tekrar deneyin.");

/// <summary>
/// The group commit behind <see cref="TicketService.CreateAsync"/> (about 300 creates/s on two cores with a
/// transaction per ticket, most of it waiting for the write lock). Each ticket is built with
/// <see cref="Ticket.Open"/> (all rules checked per request, before queueing); a batch is one SaveChanges
/// — the same numbering and the same event handlers (webhook outbox) for every ticket; on SQLite the
/// tickets themselves are inserted with a statement compiled once (<see cref="PreparedTicketInsert"/>).
/// Tickets with files are saved on their own by TicketService.
/// </summary>
public sealed class TicketCreateQueue(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock, ILogger<TicketCreateQueue> logger)
    : GroupCommitQueue<TicketCreateQueue.Work, Ticket>(logger)
{
    // Kept while the loop runs (the loop is its only user); a save without a running host uses EF alone.
    private PreparedTicketInsert? _insert;

    /// <summary>Opens the ticket now (rule errors throw here) and completes once it is committed.</summary>
    public Task<Ticket> CreateAsync(NewTicket data, Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return EnqueueAsync(new Work(data, actor, now, Ticket.Open(data, actor, now)));
    }

    protected override GroupCommitClosedException Closed() => new TicketCreateQueueClosedException();

    protected override Work Renew(Work work) => work with { Ticket = Ticket.Open(work.Data, work.Actor, work.Now) };

    /// <summary>Tickets filed under a confirmed customer's address are theirs from the start: one lookup per batch, not per ticket.</summary>
    protected override async Task PrepareAsync(IReadOnlyList<Work> batch)
    {
        var unowned = batch.Where(i => i.Ticket.CustomerId is null && !string.IsNullOrEmpty(i.Ticket.RequesterEmail)).ToList();
        if (unowned.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var owners = await Customers.CustomerDirectory.ClaimantsAsync(db, [.. unowned.Select(i => i.Ticket.RequesterEmail!)], CancellationToken.None);
            foreach (var item in unowned)
            {
                if (owners.TryGetValue(item.Ticket.RequesterEmail!, out var owner))
                {
                    item.Ticket.ClaimFor(owner);
                }
            }
        }
    }

    protected override async Task<IReadOnlyList<Ticket>> SaveAsync(IReadOnlyList<Work> batch)
    {
        await using var lease = _insert is { } insert
            ? await insert.LeaseAsync(dbFactory, CancellationToken.None)
            : new PreparedTicketInsert.Lease(await dbFactory.CreateDbContextAsync(), null);
        try
        {
            foreach (var item in batch)
            {
                lease.Db.Tickets.Add(item.Ticket);
            }

            await lease.Db.SaveChangesAsync();
        }
        catch
        {
            lease.Failed();
            throw;
        }

        return [.. batch.Select(i => i.Ticket)];
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _insert = new PreparedTicketInsert();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // After the queued creates are drained: nothing saves through the kept connection any more.
        await base.StopAsync(cancellationToken);
        if (_insert is { } insert)
        {
            await insert.DisposeAsync();
        }
    }

    public sealed record Work(NewTicket Data, Actor Actor, DateTime Now, Ticket Ticket);
}

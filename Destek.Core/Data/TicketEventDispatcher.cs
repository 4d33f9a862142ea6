using Destek.Core.Tickets;

namespace Destek.Core.Data;

/// <summary>Runs the preparers and event handlers inside the save, and tells the live notifier after the commit.</summary>
public sealed class TicketEventDispatcher(IEnumerable<ITicketEventPreparer> preparers, IEnumerable<ITicketEventHandler> handlers, ITicketChangeNotifier notifier)
{
    private readonly ITicketEventPreparer[] _preparers = preparers.ToArray();
    private readonly ITicketEventHandler[] _handlers = handlers.ToArray();

    internal async Task PrepareAsync(DestekDbContext db, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        foreach (var preparer in _preparers)
        {
            await preparer.PrepareAsync(db, events, cancellationToken);
        }
    }

    internal async Task HandleAsync(DestekDbContext db, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers)
        {
            await handler.HandleAsync(db, events, cancellationToken);
        }
    }

    internal void NotifyCommitted(IReadOnlyList<TicketEvent> events)
    {
        foreach (var ticketEvents in events.GroupBy(e => e.Ticket.Id))
        {
            notifier.Publish(new TicketChange(ticketEvents.Key, ticketEvents.Select(e => e.Type).Distinct().ToArray(),
                ticketEvents.Last().Actor?.UserId));
        }
    }
}

/// <summary>What DestekDbContext needs when it saves ticket changes.</summary>
public sealed record TicketSaveHooks(TicketEventDispatcher Events, TicketNumberGenerator Numbers);

using Destek.Core.Tickets;

namespace Destek.Core.Data;

/// <summary>Runs the event handlers inside the save, and tells the live notifier after the commit.</summary>
public sealed class TicketEventDispatcher(IEnumerable<ITicketEventHandler> handlers, ITicketChangeNotifier notifier)
{
    private readonly ITicketEventHandler[] _handlers = handlers.ToArray();

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

using Destek.Core.Tickets;
using Microsoft.Extensions.Options;

namespace Destek.Core.Organization;

/// <summary>
/// Keeps every changed ticket's SLA clock current, inside the save that changed it (status, priority,
/// department, a reply): the due times the queue sorts by always match the ticket, and a new ticket is
/// written with them.
/// </summary>
public sealed class SlaClock(SlaRules rules, IOptions<SlaOptions> options, TimeProvider clock) : ITicketEventPreparer
{
    public async Task PrepareAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var set = await rules.GetAsync(sink, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ticket in events.Select(e => e.Ticket).Distinct())
        {
            ticket.UpdateSla(set.TargetsFor(ticket.Priority, ticket.DepartmentId), set.Calendar, options.Value.Threshold, now);
        }
    }
}

using Destek.Core.Tickets;

namespace Destek.Core.Notifications;

/// <summary>
/// Raises desk notifications inside the ticket's save: "assigned to me" when someone else (a colleague, the
/// system, an API client) assigns a ticket to an agent, and "customer answered" when the customer replies on a
/// ticket assigned to an agent. Nobody is told about their own doing.
/// </summary>
public sealed class DeskNotificationHandler(TimeProvider clock) : ITicketEventHandler
{
    public async Task HandleAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(events);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in events)
        {
            var (recipient, kind, actorName) = Of(e);
            if (recipient is int userId)
            {
                await DeskNotifications.RaiseInSaveAsync(sink, userId, kind!, e.Ticket.Id, actorName, now, cancellationToken);
            }
        }
    }

    private static (int? Recipient, string? Kind, string? ActorName) Of(TicketEvent e)
    {
        switch (e.Type)
        {
            case TicketEvent.Assigned when e.Changes.TryGetValue("assignee_id", out var value) && value is int assignee && e.Actor?.UserId != assignee:
                return (assignee, DeskNotificationKind.AssignedToMe, e.Actor?.Name ?? Actor.System.Name);
            case TicketEvent.CommentAdded when e.Message is { IsPublic: true, AuthorKind: AuthorKind.Customer } message && e.Ticket.AssigneeId is int owner:
                return (owner, DeskNotificationKind.CustomerAnswered, message.AuthorName);
            default:
                return (null, null, null);
        }
    }
}

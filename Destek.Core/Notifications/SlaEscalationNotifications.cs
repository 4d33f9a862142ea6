using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Notifications;

/// <summary>
/// An SLA escalation in the desk: an "SLA süresi dolmak üzere" notification for the ticket's assignee and
/// the leads of its department, added in the escalation job's save (so it commits with the escalation row, once).
/// </summary>
public sealed class SlaEscalationNotifications(TimeProvider clock) : ISlaEscalationHandler
{
    public async Task HandleAsync(ITicketEventSink sink, IReadOnlyList<SlaEscalationNotice> escalations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(escalations);
        var departments = escalations.Select(e => e.Escalation.DepartmentId).Distinct().ToList();
        var leads = await sink.Query<StaffDepartment>().Where(s => s.IsLead && departments.Contains(s.DepartmentId))
            .Select(s => new { s.DepartmentId, s.UserId }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // Both clocks of one ticket may escalate in one run: one unread notice per person and ticket is enough.
        var told = new HashSet<(int User, int Ticket)>();
        foreach (var e in escalations.Select(n => n.Escalation))
        {
            var recipients = leads.Where(l => l.DepartmentId == e.DepartmentId).Select(l => l.UserId);
            if (e.AssigneeId is int assignee)
            {
                recipients = recipients.Prepend(assignee);
            }

            foreach (var user in recipients.Distinct())
            {
                if (told.Add((user, e.TicketId)))
                {
                    await DeskNotifications.RaiseInSaveAsync(sink, user, DeskNotificationKind.SlaNear, e.TicketId, null, now, cancellationToken);
                }
            }
        }
    }
}

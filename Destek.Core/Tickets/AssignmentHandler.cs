using Destek.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Tickets;

/// <summary>
/// Assigns new unassigned tickets of departments with automatic assignment on, inside the creating
/// transaction. The department's <see cref="AssignmentRule"/> row is locked first (an UPDATE, which
/// PostgreSQL holds until commit and SQLite's single writer holds anyway), then the pointer is read,
/// the batch's tickets are assigned in creation order and the pointer is written back: creates on
/// any number of connections take turns, never two the same agent out of turn.
/// Runs before the other handlers, so the webhook's ticket.created already carries the assignee.
/// </summary>
public sealed class AssignmentHandler(TimeProvider clock) : ITicketEventHandler
{
    public async Task HandleAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(events);
        var created = events.Where(e => e.Type == TicketEvent.Created && e.Ticket.AssigneeId is null).Select(e => e.Ticket)
            .Distinct().OrderBy(t => t.Id).ToList();
        if (created.Count == 0)
        {
            return;
        }

        var departments = created.Select(t => t.DepartmentId).Distinct().Order().ToList();
        var enabled = await sink.Query<AssignmentRule>().Where(r => r.IsEnabled && departments.Contains(r.DepartmentId))
            .Select(r => r.DepartmentId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // One department after another in id order, so two transactions never wait on each other's rows crosswise.
        foreach (var departmentId in enabled.Order())
        {
            var rules = sink.Query<AssignmentRule>().Where(r => r.DepartmentId == departmentId);
            await rules.ExecuteUpdateAsync(s => s.SetProperty(r => r.Turn, r => r.Turn + 1), cancellationToken);
            var rule = await rules.FirstAsync(cancellationToken);
            if (!rule.IsEnabled)
            {
                continue;
            }

            var agents = await AvailableAgentsAsync(sink, departmentId, cancellationToken);
            if (agents.Count == 0)
            {
                continue;
            }

            var ids = agents.Keys.ToList();
            var open = await sink.Query<Ticket>()
                .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress))
                .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var picker = new AssignmentPicker(rule.Strategy, rule.OpenTicketCap, rule.LastAssignedUserId, ids.ToDictionary(id => id, id => open.GetValueOrDefault(id)));
            foreach (var ticket in created.Where(t => t.DepartmentId == departmentId))
            {
                if (picker.Next() is not int pick)
                {
                    break;
                }

                ticket.AssignAutomatically(agents[pick], rule.Strategy, now);
            }

            if (picker.Last != rule.LastAssignedUserId)
            {
                await rules.ExecuteUpdateAsync(s => s.SetProperty(r => r.LastAssignedUserId, picker.Last), cancellationToken);
            }
        }
    }

    /// <summary>Active staff (agents and admins) of the department who switched themselves available.</summary>
    private static async Task<Dictionary<int, StaffMember>> AvailableAgentsAsync(ITicketEventSink sink, int departmentId, CancellationToken cancellationToken)
    {
        var staffRoles = sink.Query<IdentityRole<int>>().Where(r => r.Name == Roles.Admin || r.Name == Roles.Agent).Select(r => r.Id);
        var userRoles = sink.Query<IdentityUserRole<int>>();
        var available = sink.Query<AgentAvailability>().Where(a => a.IsAvailable).Select(a => a.UserId);
        var rows = await sink.Query<StaffDepartment>()
            .Where(s => s.DepartmentId == departmentId && s.User!.IsActive && available.Contains(s.UserId)
                && userRoles.Any(ur => ur.UserId == s.UserId && staffRoles.Contains(ur.RoleId)))
            .Select(s => new { s.UserId, s.User!.FullName, s.User.Email })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.UserId, r => new StaffMember(r.UserId, r.FullName, r.Email ?? "", false, [departmentId]));
    }
}

using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Tickets;

/// <summary>A ticket this one points to (merged into it, split off from it); Visible says whether the viewer may open it.</summary>
public sealed record LinkedTicket(int Id, string Number, string Title, bool Visible);

public sealed record TicketLinks(LinkedTicket? MergedInto, LinkedTicket? SplitFrom);

/// <summary>What the desk shows about merges and splits: the ticket's own two columns, then the tickets they name.</summary>
public sealed class TicketMergeQueries(IDbContextFactory<DestekDbContext> dbFactory)
{
    public async Task<TicketLinks> LinksAsync(StaffMember viewer, int ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var departments = viewer.DepartmentIds.ToList();
        // Two primary-key look-ups: a FirstOrDefault inside the projection becomes a ROW_NUMBER() over every ticket.
        var ids = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.MergedIntoTicketId, t.SplitFromTicketId }).FirstOrDefaultAsync(cancellationToken);
        if (ids is null || (ids.MergedIntoTicketId is null && ids.SplitFromTicketId is null))
        {
            return new TicketLinks(null, null);
        }

        var linked = await db.Tickets.AsNoTracking().Where(o => o.Id == ids.MergedIntoTicketId || o.Id == ids.SplitFromTicketId)
            .Select(o => new LinkedTicket(o.Id, o.Number, o.Title, viewer.IsAdmin || departments.Contains(o.DepartmentId)))
            .ToListAsync(cancellationToken);
        return new TicketLinks(linked.FirstOrDefault(l => l.Id == ids.MergedIntoTicketId), linked.FirstOrDefault(l => l.Id == ids.SplitFromTicketId));
    }

    /// <summary>Tickets <paramref name="ticketId"/> may be merged into: the same requester's other open tickets the viewer sees, newest first.</summary>
    public async Task<IReadOnlyList<RequesterTicket>> MergeTargetsAsync(StaffMember viewer, int ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var departments = viewer.DepartmentIds.ToList();
        var visible = db.Tickets.AsNoTracking().Where(t => viewer.IsAdmin || departments.Contains(t.DepartmentId));
        var me = await visible.Where(t => t.Id == ticketId).Select(t => new { t.CustomerId, t.RequesterEmail }).FirstOrDefaultAsync(cancellationToken);
        if (me is null || (me.CustomerId is null && string.IsNullOrEmpty(me.RequesterEmail)))
        {
            return [];
        }

        var others = visible.Where(t => t.Id != ticketId && t.MergedIntoTicketId == null && t.Status != TicketStatus.Closed);
        others = me.CustomerId is int customerId ? others.Where(t => t.CustomerId == customerId) : others.Where(t => t.RequesterEmail == me.RequesterEmail);
        return await others.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(50)
            .Select(t => new RequesterTicket(t.Id, t.Number, t.Title, t.Status, t.CreatedAt)).ToListAsync(cancellationToken);
    }
}

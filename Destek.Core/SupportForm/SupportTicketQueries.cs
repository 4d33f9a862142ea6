using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.SupportForm;

/// <summary>A ticket as the support form document's SupportTicketListSerializer shows it (mapped to JSON at the API edge).</summary>
public sealed record SupportTicketView(
    int Id, string Number, string Name, string? Email, string? Phone, string Subject, string Message, TicketStatus Status,
    int? UserId, string? UserEmail, int? AssigneeId, string? AssigneeEmail, int? AttachmentId, string? AttachmentName,
    string? Notes, DateTime CreatedAt, DateTime? UpdatedAt, DateTime? ResolvedAt);

/// <summary>The support form document's list filters; dates are [from, to) in UTC.</summary>
public sealed record SupportTicketFilter
{
    public TicketStatus? Status { get; init; }
    public string? Subject { get; init; }
    public int? AssignedTo { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedBefore { get; init; }
    public string? Search { get; init; }
}

/// <summary>Read side of the support form document's staff endpoints; a staff member sees only their departments' tickets (admins all).</summary>
public sealed class SupportTicketQueries(IDbContextFactory<DestekDbContext> dbFactory)
{
    public async Task<Page<SupportTicketView>> ListAsync(StaffMember viewer, SupportTicketFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Visible(db, viewer);
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = filter.Subject.Trim();
            query = query.Where(t => t.Category != null ? t.Category.Name == subject : t.Title == subject);
        }

        if (filter.AssignedTo is { } assignee)
        {
            query = query.Where(t => t.AssigneeId == assignee);
        }

        if (filter.CreatedFrom is { } from)
        {
            query = query.Where(t => t.CreatedAt >= from);
        }

        if (filter.CreatedBefore is { } before)
        {
            query = query.Where(t => t.CreatedAt < before);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // the support form document's search_fields: ticket_number, name, email, phone, subject, message.
            var term = filter.Search.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(t =>
                t.Number == term
                || EF.Functions.Like(t.Number, pattern, "\\")
                || EF.Functions.Like(t.RequesterName, pattern, "\\")
                || EF.Functions.Like(t.RequesterEmail!, pattern, "\\")
                || EF.Functions.Like(t.RequesterPhone!, pattern, "\\")
                || EF.Functions.Like(t.Title, pattern, "\\")
                || EF.Functions.Like(t.Category!.Name, pattern, "\\")
                || EF.Functions.Like(t.Description, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(db, query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)))
            .ToListAsync(cancellationToken);
        return new Page<SupportTicketView>(await WithNotesAsync(db, rows, cancellationToken), total);
    }

    public async Task<SupportTicketView?> FindAsync(StaffMember viewer, int ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Project(db, Visible(db, viewer).Where(t => t.Id == ticketId)).ToListAsync(cancellationToken);
        return (await WithNotesAsync(db, rows, cancellationToken)).FirstOrDefault();
    }

    private static IQueryable<Ticket> Visible(DestekDbContext db, StaffMember viewer)
    {
        var tickets = db.Tickets.AsNoTracking();
        return viewer.IsAdmin ? tickets : tickets.Where(t => viewer.DepartmentIds.Contains(t.DepartmentId));
    }

    private static IQueryable<SupportTicketView> Project(DestekDbContext db, IQueryable<Ticket> tickets) =>
        tickets.Select(t => new SupportTicketView(
            t.Id, t.Number, t.RequesterName, t.RequesterEmail, t.RequesterPhone,
            t.Category != null ? t.Category.Name : t.Title, t.Description, t.Status,
            t.CustomerId, db.Users.Where(u => u.Id == t.CustomerId).Select(u => u.Email).FirstOrDefault(),
            t.AssigneeId, t.Assignee != null ? t.Assignee.Email : null,
            db.TicketAttachments.Where(a => a.TicketId == t.Id).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefault(),
            db.TicketAttachments.Where(a => a.TicketId == t.Id).OrderBy(a => a.Id).Select(a => a.FileName).FirstOrDefault(),
            null, t.CreatedAt, t.UpdatedAt, t.ResolvedAt));

    /// <summary>The support form document's single "notes" text: the ticket's internal notes, oldest first.</summary>
    private static async Task<IReadOnlyList<SupportTicketView>> WithNotesAsync(DestekDbContext db, List<SupportTicketView> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var notes = (await db.TicketMessages.AsNoTracking()
            .Where(m => ids.Contains(m.TicketId) && m.Kind == MessageKind.InternalNote)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.TicketId, m.Body }).ToListAsync(cancellationToken))
            .ToLookup(m => m.TicketId, m => m.Body);
        return rows.Select(r => notes.Contains(r.Id) ? r with { Notes = string.Join("\n\n", notes[r.Id]) } : r).ToList();
    }
}

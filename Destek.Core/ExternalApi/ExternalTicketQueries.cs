using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.ExternalApi;

/// <summary>
/// Read side of /api/external. A client sees only tickets it created (Ticket.ApiClientId), so every
/// query starts from that filter; anything else reads as "not found". Only public messages and the
/// attachments not hanging on an internal note are counted or listed: internal notes never leave the desk.
/// </summary>
public sealed class ExternalTicketQueries(IDbContextFactory<DestekDbContext> dbFactory, ExternalCountCache counts)
{
    public async Task<ExternalTicket?> GetAsync(int clientId, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Project(Own(db, clientId).Where(t => t.Id == ticketId)).FirstOrDefaultAsync(cancellationToken);
        return row?.ToTicket();
    }

    /// <summary>
    /// The client's newest ticket with this reference (references are the client's own and need not
    /// be unique). Newest by id, so SQLite answers from the (ApiClientId, ExternalRef) index.
    /// </summary>
    public async Task<ExternalTicket?> ByRefAsync(int clientId, string externalRef, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Project(Own(db, clientId).Where(t => t.ExternalRef == externalRef).OrderByDescending(t => t.Id))
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToTicket();
    }

    public async Task<ExternalTicketPage> ListAsync(int clientId, TicketStatus? status, string? externalRef, int page, int perPage, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Own(db, clientId);
        if (status is { } s)
        {
            query = query.Where(t => t.Status == s);
        }

        if (!string.IsNullOrEmpty(externalRef))
        {
            query = query.Where(t => t.ExternalRef == externalRef);
        }

        var total = await counts.GetOrCountAsync(clientId, (int?)status, externalRef, () => query.CountAsync(cancellationToken));
        var rows = total == 0 ? [] : await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip((page - 1) * perPage).Take(perPage)
            .Select(t => new
            {
                t.Id, t.Title, t.Status, t.Priority, t.Source, t.ExternalRef, DepartmentName = t.Department!.Name, t.CreatedAt,
                t.PublicMessageCount,
                Attachments = t.AttachmentCount == 0 ? 0 : t.Attachments.Count(a => a.MessageId == null || a.Message!.Kind == MessageKind.PublicReply),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ExternalTicketRow(r.Id, r.Title, TicketLifecycle.ToExternal(r.Status), TicketLifecycle.ToEnglish(r.Priority),
            ExternalFormat.Source(r.Source), r.ExternalRef, r.DepartmentName, ExternalFormat.Timestamp(r.CreatedAt), r.PublicMessageCount, r.Attachments)).ToList();
        return new ExternalTicketPage(items, total, page, perPage, (total + perPage - 1) / perPage);
    }

    /// <summary>Public messages, oldest first; null when the ticket is not the client's.</summary>
    public async Task<IReadOnlyList<ExternalComment>?> CommentsAsync(int clientId, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await Own(db, clientId).AnyAsync(t => t.Id == ticketId, cancellationToken))
        {
            return null;
        }

        var messages = await db.TicketMessages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Kind == MessageKind.PublicReply)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Body, m.AuthorUserId, m.AuthorName, m.CreatedAt })
            .ToListAsync(cancellationToken);
        return messages.Select(m => new ExternalComment(m.Id, m.Body, m.AuthorUserId, m.AuthorName, ExternalFormat.Timestamp(m.CreatedAt))).ToList();
    }

    /// <summary>True when the ticket exists and the client created it.</summary>
    public async Task<bool> OwnsAsync(int clientId, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Own(db, clientId).AnyAsync(t => t.Id == ticketId, cancellationToken);
    }

    private static IQueryable<Ticket> Own(DestekDbContext db, int clientId) =>
        db.Tickets.AsNoTracking().Where(t => t.ApiClientId == clientId);

    private static IQueryable<TicketRowData> Project(IQueryable<Ticket> query) => query.Select(t => new TicketRowData(
        t.Id, t.Title, t.Description, t.Status, t.Priority, t.Source, t.ExternalRef, t.DepartmentId, t.Department!.Name,
        t.AssigneeId, t.Assignee!.FullName, t.IsPrivate, t.CreatedAt, t.UpdatedAt, t.ClosedAt, t.PublicMessageCount,
        t.AttachmentCount == 0 ? 0 : t.Attachments.Count(a => a.MessageId == null || a.Message!.Kind == MessageKind.PublicReply)));

    private sealed record TicketRowData(
        int Id, string Title, string Description, TicketStatus Status, TicketPriority Priority, TicketSource Source, string? ExternalRef,
        int DepartmentId, string DepartmentName, int? AssigneeId, string? AssigneeName, bool IsPrivate, DateTime CreatedAt,
        DateTime? UpdatedAt, DateTime? ClosedAt, int Comments, int Attachments)
    {
        public ExternalTicket ToTicket() => new(Id, Title, Description, TicketLifecycle.ToExternal(Status), TicketLifecycle.ToEnglish(Priority),
            ExternalFormat.Source(Source), ExternalRef, DepartmentId, DepartmentName, AssigneeId, AssigneeName, IsPrivate,
            ExternalFormat.Timestamp(CreatedAt), ExternalFormat.Timestamp(UpdatedAt), ExternalFormat.Timestamp(ClosedAt), Comments, Attachments);
    }
}

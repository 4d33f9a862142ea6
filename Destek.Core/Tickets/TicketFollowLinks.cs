using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Tickets;

/// <summary>What the follow page shows: the ticket and its public conversation, never internal notes.</summary>
public sealed record FollowedTicket(int TicketId, string Number, string Title, TicketStatus Status, string RequesterName, IReadOnlyList<FollowedMessage> Messages);

public sealed record FollowedMessage(string AuthorName, bool FromStaff, string Body, DateTime CreatedAt, IReadOnlyList<string> FileNames);

/// <summary>The private follow links: find the ticket a token opens, answer through it, and revoke.</summary>
public sealed class TicketFollowLinks(IDbContextFactory<DestekDbContext> dbFactory, TicketService tickets, TimeProvider clock)
{
    /// <summary>The ticket an active link opens, or null for an unknown or revoked token.</summary>
    public async Task<FollowedTicket?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!TicketFollowLink.LooksLikeToken(token))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = TicketFollowLink.Hash(token!);
        var ticketId = await db.Set<TicketFollowLink>().AsNoTracking().Where(l => l.TokenHash == hash && l.RevokedAt == null)
            .Select(l => (int?)l.TicketId).FirstOrDefaultAsync(cancellationToken);
        if (ticketId is not int id)
        {
            return null;
        }

        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { t.Id, t.Number, t.Title, t.Status, t.RequesterName, t.Description, t.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var messages = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == id && m.Kind == MessageKind.PublicReply)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.AuthorName, m.AuthorKind, m.Body, m.CreatedAt }).ToListAsync(cancellationToken);
        var messageIds = messages.Select(m => (int?)m.Id).ToList();
        // Files of the opening request (no message) and of public messages; a note's files stay hidden.
        var files = await db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == id && (a.MessageId == null || messageIds.Contains(a.MessageId)))
            .OrderBy(a => a.Id).Select(a => new { a.MessageId, a.FileName }).ToListAsync(cancellationToken);
        IReadOnlyList<string> FilesOf(int? messageId) => files.Where(f => f.MessageId == messageId).Select(f => f.FileName).ToList();

        var conversation = new List<FollowedMessage> { new(ticket.RequesterName, false, ticket.Description, ticket.CreatedAt, FilesOf(null)) };
        conversation.AddRange(messages.Select(m => new FollowedMessage(m.AuthorName, m.AuthorKind == AuthorKind.Staff, m.Body, m.CreatedAt, FilesOf(m.Id))));
        return new FollowedTicket(ticket.Id, ticket.Number, ticket.Title, ticket.Status, ticket.RequesterName, conversation);
    }

    /// <summary>
    /// The requester answers through the link: a customer message through <see cref="TicketService"/>,
    /// so a resolved or closed ticket reopens. Null when the link no longer opens the ticket.
    /// </summary>
    public async Task<TicketMessage?> ReplyAsync(string? token, string body, IReadOnlyList<IncomingFile>? files, CancellationToken cancellationToken = default)
    {
        if (!TicketFollowLink.LooksLikeToken(token))
        {
            return null;
        }

        int ticketId;
        Actor actor;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var hash = TicketFollowLink.Hash(token!);
            var ticket = await db.Set<TicketFollowLink>().AsNoTracking().Where(l => l.TokenHash == hash && l.RevokedAt == null)
                .Join(db.Tickets, l => l.TicketId, t => t.Id, (l, t) => new { t.Id, t.RequesterName, t.RequesterEmail })
                .FirstOrDefaultAsync(cancellationToken);
            if (ticket is null)
            {
                return null;
            }

            ticketId = ticket.Id;
            actor = Actor.Customer(ticket.RequesterName, ticket.RequesterEmail ?? "");
        }

        return await tickets.ReplyAsync(ticketId, body, actor, files, cancellationToken);
    }

    /// <summary>Ends every follow link of a ticket (a link was forwarded, say); the next mail carries a new one. Returns how many were active.</summary>
    public async Task<int> RevokeAllAsync(int ticketId, StaffMember staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var departmentId = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => (int?)t.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        if (departmentId is not int department || !staff.WorksIn(department))
        {
            throw new TicketNotFoundException(ticketId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var links = await db.Set<TicketFollowLink>().Where(l => l.TicketId == ticketId && l.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            link.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return links.Count;
    }

    public async Task<int> ActiveCountAsync(int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<TicketFollowLink>().CountAsync(l => l.TicketId == ticketId && l.RevokedAt == null, cancellationToken);
    }
}

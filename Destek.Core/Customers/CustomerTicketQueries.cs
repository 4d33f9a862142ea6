using Destek.Core.Data;
using Destek.Core.Mail;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Customers;

/// <summary>
/// Read side of everything customer-facing (the customer API, the portal). A customer sees only
/// tickets whose <see cref="Ticket.CustomerId"/> is theirs; anything else reads as not found. Only
/// public messages leave here, never internal notes.
/// </summary>
/// <remarks>
/// The list is a deferred join: the page's ids come from the covering index
/// IX_Tickets_CustomerList (CustomerId, CreatedAt, Id, Status, StaffSpokeLast, Priority, CategoryId, Title),
/// so filtering, searching the subject, counting and skipping to a deep page never touch the table;
/// only the page's rows are read, in the same statement.
/// </remarks>
public sealed class CustomerTicketQueries(IDbContextFactory<DestekDbContext> dbFactory, IOptions<MailOptions> mail)
{
    /// <summary>The page, newest first, and the total; null when <see cref="CustomerTicketFilter.CategorySlug"/> names no category.</summary>
    public async Task<CustomerTicketPage?> ListAsync(int customerId, CustomerTicketFilter filter, int page, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Tickets.AsNoTracking().Where(t => t.CustomerId == customerId);
        if (!string.IsNullOrEmpty(filter.CategorySlug))
        {
            var categoryId = await db.Categories.AsNoTracking().Where(c => c.Slug == filter.CategorySlug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (categoryId is null)
            {
                return null;
            }

            query = query.Where(t => t.CategoryId == categoryId);
        }

        query = filter.Status switch
        {
            TicketLifecycle.CustomerOpen => query.Where(t => (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress) && !t.StaffSpokeLast),
            TicketLifecycle.CustomerAnswered => query.Where(t => (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress) && t.StaffSpokeLast),
            TicketLifecycle.CustomerClosed => query.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed),
            _ => query,
        };
        if (filter.Priority is { } priority)
        {
            query = query.Where(t => t.Priority == priority);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(t => EF.Functions.Like(t.Title, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var skip = (long)(page - 1) * limit;
        if (total == 0 || skip >= total)
        {
            return new CustomerTicketPage([], total);
        }

        var pageIds = query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip((int)skip).Take(limit).Select(t => t.Id);
        var rows = await db.Tickets.AsNoTracking().Where(t => pageIds.Contains(t.Id))
            .Select(t => new SummaryRow(t.Id, t.PublicId, t.Number, t.Title, t.Category!.Slug, t.Priority, t.Status, t.StaffSpokeLast,
                t.PublicMessageCount, t.LastPublicMessageAt, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new CustomerTicketPage(rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary()).ToList(), total);
    }

    /// <summary>The ticket with its public messages, oldest first; null when it is not the customer's.</summary>
    public async Task<CustomerTicketDetail?> GetAsync(CustomerAccount customer, Guid ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await FindAsync(db, customer.UserId, ticketId, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        return new CustomerTicketDetail(ticket.ToSummary(), await MessagesAsync(db, customer, ticket, cancellationToken));
    }

    /// <summary>The public messages alone; null when the ticket is not the customer's.</summary>
    public async Task<IReadOnlyList<CustomerMessage>?> MessagesAsync(CustomerAccount customer, Guid ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await FindAsync(db, customer.UserId, ticketId, cancellationToken);
        return ticket is null ? null : await MessagesAsync(db, customer, ticket, cancellationToken);
    }

    /// <summary>The database id of the customer's ticket, for writes; null when it is not theirs.</summary>
    internal static Task<int?> OwnIdAsync(DestekDbContext db, int customerId, Guid ticketId, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().Where(t => t.PublicId == ticketId && t.CustomerId == customerId).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>How a message looks to the customer. Staff and API clients speak as the support team's address, never their own.</summary>
    internal CustomerMessage ToMessage(CustomerAccount customer, Guid ticketId, Guid id, AuthorKind kind, int? authorUserId, Guid? authorPublicId,
        int? apiClientId, string name, string? email, string body, DateTime createdAt)
    {
        var support = mail.Value.From;
        return kind switch
        {
            AuthorKind.Customer when authorUserId == customer.UserId || (authorUserId is null && string.Equals(email, customer.Email, StringComparison.OrdinalIgnoreCase)) =>
                new CustomerMessage(id, ticketId, customer.PublicId, name, email, false, body, createdAt),
            AuthorKind.Customer => new CustomerMessage(id, ticketId, authorPublicId ?? SenderIds.ForEmail(email ?? name), name, email, false, body, createdAt),
            AuthorKind.Staff => new CustomerMessage(id, ticketId, authorPublicId ?? SenderIds.ForEmail(email ?? name), name, support, true, body, createdAt),
            _ => new CustomerMessage(id, ticketId, SenderIds.ForApiClient(apiClientId), name, support, true, body, createdAt),
        };
    }

    private static Task<DetailRow?> FindAsync(DestekDbContext db, int customerId, Guid ticketId, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().Where(t => t.PublicId == ticketId && t.CustomerId == customerId)
            .Select(t => new DetailRow(t.Id, t.PublicId, t.Number, t.Title, t.Category!.Slug, t.Priority, t.Status, t.StaffSpokeLast,
                t.PublicMessageCount, t.LastPublicMessageAt, t.CreatedAt, t.UpdatedAt, t.Description, t.RequesterName, t.RequesterEmail))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<CustomerMessage>> MessagesAsync(DestekDbContext db, CustomerAccount customer, DetailRow ticket, CancellationToken cancellationToken)
    {
        var replies = await db.TicketMessages.AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && m.Kind == MessageKind.PublicReply)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.PublicId, m.AuthorKind, m.AuthorUserId, m.AuthorApiClientId, m.AuthorName, m.AuthorEmail, m.Body, m.CreatedAt,
                AuthorPublicId = db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => (Guid?)u.PublicId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var messages = new List<CustomerMessage>(replies.Count + 1)
        {
            ToMessage(customer, ticket.PublicId, SenderIds.OpeningMessage(ticket.PublicId), AuthorKind.Customer, null, null, null,
                ticket.RequesterName, ticket.RequesterEmail, ticket.Description, ticket.CreatedAt),
        };
        messages.AddRange(replies.Select(m => ToMessage(customer, ticket.PublicId, m.PublicId, m.AuthorKind, m.AuthorUserId, m.AuthorPublicId,
            m.AuthorApiClientId, m.AuthorName, m.AuthorEmail, m.Body, m.CreatedAt)));
        return messages;
    }

    private sealed record SummaryRow(int Id, Guid PublicId, string Number, string Title, string? CategorySlug, TicketPriority Priority, TicketStatus Status,
        bool StaffSpokeLast, int PublicMessageCount, DateTime? LastPublicMessageAt, DateTime CreatedAt, DateTime? UpdatedAt)
    {
        // The opening text counts as the first message.
        public CustomerTicketSummary ToSummary() => new(PublicId, Number, Title, CategorySlug, Priority, TicketLifecycle.ToCustomer(Status, StaffSpokeLast),
            PublicMessageCount + 1, LastPublicMessageAt, CreatedAt, UpdatedAt ?? CreatedAt);
    }

    private sealed record DetailRow(int Id, Guid PublicId, string Number, string Title, string? CategorySlug, TicketPriority Priority, TicketStatus Status,
        bool StaffSpokeLast, int PublicMessageCount, DateTime? LastPublicMessageAt, DateTime CreatedAt, DateTime? UpdatedAt,
        string Description, string RequesterName, string? RequesterEmail)
    {
        public CustomerTicketSummary ToSummary() => new(PublicId, Number, Title, CategorySlug, Priority, TicketLifecycle.ToCustomer(Status, StaffSpokeLast),
            PublicMessageCount + 1, LastPublicMessageAt, CreatedAt, UpdatedAt ?? CreatedAt);
    }
}

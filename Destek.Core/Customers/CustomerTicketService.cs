using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Customers;

/// <summary>
/// A signed-in customer's writes, for the customer API, the portal and any job alike: open a ticket
/// (name and e-mail are the account's), answer, close. Each one checks the ticket is the customer's,
/// then goes through <see cref="TicketService"/> and the ticket's own rules, so webhooks, mail and
/// live desk updates follow as for every other change. An answer to a resolved or closed ticket
/// reopens it (the ticket's rule for customer answers).
/// </summary>
public sealed class CustomerTicketService(IDbContextFactory<DestekDbContext> dbFactory, TicketService tickets, CustomerTicketQueries queries)
{
    public const string SubjectField = "subject";
    public const string CategoryField = "category";
    public const string MessageField = "message";

    public async Task<CustomerResult<CustomerTicketSummary>> CreateAsync(CustomerAccount customer, CustomerTicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        var subject = request.Subject?.Trim() ?? "";
        if (subject.Length == 0)
        {
            errors[SubjectField] = ["Konu zorunludur."];
        }
        else if (subject.Length > Ticket.TitleMaxLength)
        {
            errors[SubjectField] = [$"Konu en fazla {Ticket.TitleMaxLength} karakter olabilir."];
        }

        var message = request.Message?.Trim() ?? "";
        if (message.Length == 0)
        {
            errors[MessageField] = ["Mesaj boş olamaz."];
        }
        else if (message.Length > Ticket.DescriptionMaxLength)
        {
            errors[MessageField] = [$"Mesaj en fazla {Ticket.DescriptionMaxLength} karakter olabilir."];
        }

        int? categoryId = null;
        int? departmentId = null;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (string.IsNullOrEmpty(request.CategorySlug))
            {
                errors[CategoryField] = ["Kategori zorunludur."];
            }
            else
            {
                var category = await db.Categories.AsNoTracking().Where(c => c.Slug == request.CategorySlug && c.IsActive)
                    .Select(c => new { c.Id, c.DepartmentId }).FirstOrDefaultAsync(cancellationToken);
                if (category is null)
                {
                    errors[CategoryField] = ["Kategori bulunamadı; etkin kategorilerden birinin kısa adını (ör. teknik_sorun) gönderin."];
                }
                else
                {
                    categoryId = category.Id;
                    // Routed like the support form: the category's department while it takes tickets, else the default one.
                    departmentId = category.DepartmentId is int routed
                        ? await db.Departments.AsNoTracking().Where(d => d.Id == routed && d.IsActive).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken)
                        : null;
                    departmentId ??= await db.Departments.AsNoTracking().Where(d => d.IsActive)
                        .OrderByDescending(d => d.IsDefault).ThenBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
                }
            }
        }

        if (errors.Count > 0)
        {
            return new CustomerRefusal(CustomerRefusalKind.Invalid, errors.Values.First()[0], errors);
        }

        if (departmentId is null)
        {
            return CustomerRefusal.Invalid(CategoryField, "Şu anda talep alan bir departman yok; daha sonra tekrar deneyin.");
        }

        Ticket ticket;
        try
        {
            ticket = await tickets.CreateAsync(new NewTicket
            {
                Title = subject,
                Description = message,
                DepartmentId = departmentId.Value,
                CategoryId = categoryId,
                Priority = request.Priority,
                Source = TicketSource.Portal,
                RequesterName = customer.Name,
                RequesterEmail = customer.Email,
                CustomerId = customer.UserId,
            }, customer.Actor, request.Files, cancellationToken);
        }
        catch (TicketRuleException ex)
        {
            return CustomerRefusal.Invalid(SubjectField, ex.Message);
        }

        return new CustomerTicketSummary(ticket.PublicId, ticket.Number, ticket.Title, request.CategorySlug, ticket.Priority,
            TicketLifecycle.ToCustomer(ticket.Status, ticket.StaffSpokeLast), 1, null, ticket.CreatedAt, ticket.UpdatedAt ?? ticket.CreatedAt);
    }

    public Task<CustomerResult<CustomerMessage>> ReplyAsync(CustomerAccount customer, Guid ticketId, string? body, CancellationToken cancellationToken = default) =>
        ReplyAsync(customer, ticketId, body, null, cancellationToken);

    /// <summary>An answer with files (the portal); the caller has checked them by the support form's rules.</summary>
    public async Task<CustomerResult<CustomerMessage>> ReplyAsync(CustomerAccount customer, Guid ticketId, string? body, IReadOnlyList<IncomingFile>? files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var id = await OwnIdAsync(customer, ticketId, cancellationToken);
        if (id is null)
        {
            return CustomerRefusal.NotFound;
        }

        var text = body?.Trim() ?? "";
        if (text.Length == 0)
        {
            return CustomerRefusal.Invalid(MessageField, "Mesaj boş olamaz.");
        }

        if (text.Length > TicketMessage.BodyMaxLength)
        {
            return CustomerRefusal.Invalid(MessageField, $"Mesaj en fazla {TicketMessage.BodyMaxLength} karakter olabilir.");
        }

        try
        {
            var message = await tickets.ReplyAsync(id.Value, text, customer.Actor, files, cancellationToken);
            return queries.ToMessage(customer, ticketId, message.PublicId, message.AuthorKind, message.AuthorUserId, customer.PublicId,
                message.AuthorApiClientId, message.AuthorName, message.AuthorEmail, message.Body, message.CreatedAt);
        }
        catch (TicketRuleException ex)
        {
            return CustomerRefusal.Invalid(MessageField, ex.Message);
        }
        catch (TicketNotFoundException)
        {
            return CustomerRefusal.NotFound;
        }
    }

    /// <summary>The customer is done with the ticket; answering it later reopens it. Closing a closed ticket changes nothing.</summary>
    public async Task<CustomerResult<CustomerTicketSummary>> CloseAsync(CustomerAccount customer, Guid ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var id = await OwnIdAsync(customer, ticketId, cancellationToken);
        if (id is null)
        {
            return CustomerRefusal.NotFound;
        }

        try
        {
            await tickets.ChangeStatusAsync(id.Value, TicketStatus.Closed, customer.Actor, cancellationToken);
        }
        catch (TicketNotFoundException)
        {
            return CustomerRefusal.NotFound;
        }

        var detail = await queries.GetAsync(customer, ticketId, cancellationToken);
        return detail is null ? CustomerRefusal.NotFound : detail.Ticket;
    }

    private async Task<int?> OwnIdAsync(CustomerAccount customer, Guid ticketId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CustomerTicketQueries.OwnIdAsync(db, customer.UserId, ticketId, cancellationToken);
    }
}

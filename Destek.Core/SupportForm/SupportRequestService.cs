using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.SupportForm;

/// <summary>The ticket a submission opened, or the field errors that refused it (then nothing was saved).</summary>
public sealed record SupportSubmission(Ticket? Ticket, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public bool Succeeded => Ticket is not null;
}

/// <summary>
/// Turns a support-form submission into a ticket, for the /destek page and the support form document's POST alike:
/// validate (one validator), route by the subject's category, open through <see cref="TicketService"/>.
/// </summary>
public sealed class SupportRequestService(IDbContextFactory<DestekDbContext> dbFactory, TicketService tickets)
{
    /// <summary>The support form document's promise, shown on the success page and in the API answer.</summary>
    public const string EstimatedResponseTime = ServicePromise.EstimatedResponseTime;

    /// <summary>The subjects a person may choose (the support form document's choices are the active categories).</summary>
    public async Task<IReadOnlyList<string>> SubjectsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().Where(c => c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The active category a subject names (subjects are category names), or null.</summary>
    public async Task<int?> CategoryIdAsync(string subject, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().Where(c => c.IsActive && c.Name == subject).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>What the "talebiniz alındı" page shows, found by the ticket's unguessable public id.</summary>
    public async Task<SupportReceipt?> ReceiptAsync(Guid publicId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.AsNoTracking().Where(t => t.PublicId == publicId)
            .Select(t => new SupportReceipt(t.Number, t.Title, t.RequesterEmail))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <param name="customerId">The signed-in customer's user id, linked to the ticket; null for anonymous visitors.</param>
    public async Task<SupportSubmission> SubmitAsync(SupportRequest input, int? customerId, CancellationToken cancellationToken = default)
    {
        var validation = await SupportRequestValidator.ValidateAsync(input, await SubjectsAsync(cancellationToken), cancellationToken);
        if (validation.Request is not { } request)
        {
            return new SupportSubmission(null, validation.Errors);
        }

        int categoryId;
        int departmentId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var category = await db.Categories.AsNoTracking().FirstAsync(c => c.Name == request.Subject, cancellationToken);
            categoryId = category.Id;
            var routed = category.DepartmentId is int id
                ? await db.Departments.AsNoTracking().Where(d => d.Id == id && d.IsActive).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken)
                : null;
            departmentId = routed ?? await db.Departments.AsNoTracking().Where(d => d.IsActive)
                .OrderByDescending(d => d.IsDefault).ThenBy(d => d.Id).Select(d => d.Id).FirstAsync(cancellationToken);
        }

        var ticket = await tickets.CreateAsync(new NewTicket
        {
            Title = request.Subject,
            Description = request.Message,
            DepartmentId = departmentId,
            CategoryId = categoryId,
            Source = TicketSource.WebForm,
            RequesterName = request.Name,
            RequesterEmail = request.Email,
            RequesterPhone = request.Phone,
            CustomerId = customerId,
        }, Actor.Customer(request.Name, request.Email, customerId), request.Attachment is { } file ? [file] : null, cancellationToken);
        return new SupportSubmission(ticket, validation.Errors);
    }
}

public sealed record SupportReceipt(string Number, string Subject, string? Email);

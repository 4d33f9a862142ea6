using Destek.Core.Data;
using Destek.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Tickets;

public sealed class TicketNotFoundException(int ticketId) : Exception($"Talep bulunamadı: {ticketId}")
{
    public int TicketId { get; } = ticketId;
}

/// <summary>
/// Every change to a ticket, for every caller: desk components, API endpoints and jobs. Each method
/// opens its own context, loads the ticket, calls the ticket's guarded method and saves once.
/// Staff actors only reach tickets of their departments (admins all); others get TicketNotFound.
/// </summary>
public sealed class TicketService(IDbContextFactory<DestekDbContext> dbFactory, AttachmentStore attachments, TicketCreateQueue createQueue, Organization.DepartmentIntake intake, TimeProvider clock)
{
    /// <summary>
    /// Opens a ticket. Without files it joins the group commit (<see cref="TicketCreateQueue"/>);
    /// with files it is saved on its own, so the files can be removed again if the save fails.
    /// </summary>
    public async Task<Ticket> CreateAsync(NewTicket data, Actor actor, IReadOnlyList<IncomingFile>? files = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        await intake.EnsureTakesTicketsAsync(data.DepartmentId, cancellationToken);
        if (files is not { Count: > 0 })
        {
            // The group commit looks the customer up for its whole batch at once.
            return await createQueue.CreateAsync(data, actor);
        }

        data = await ClaimForCustomerAsync(data, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = Ticket.Open(data, actor, now);
        db.Tickets.Add(ticket);
        return await SaveWithFilesAsync(db, ticket, files, null, actor, now, cancellationToken);
    }

    /// <summary>A ticket filed under a confirmed customer's e-mail address is theirs from the start (see CustomerClaims).</summary>
    private async Task<NewTicket> ClaimForCustomerAsync(NewTicket data, CancellationToken cancellationToken)
    {
        if (data.CustomerId is not null || string.IsNullOrWhiteSpace(data.RequesterEmail))
        {
            return data;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return data with { CustomerId = await Customers.CustomerDirectory.ClaimantAsync(db, data.RequesterEmail, cancellationToken) };
    }

    public async Task<TicketMessage> ReplyAsync(int ticketId, string body, Actor actor, IReadOnlyList<IncomingFile>? files = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await LoadAsync(db, ticketId, actor, cancellationToken);
        if (ticket.MergedIntoTicketId is int survivorId)
        {
            // Answers to a merged ticket (an old mail, an API client) belong to the conversation it joined.
            ticket = await LoadAsync(db, survivorId, actor, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var message = ticket.Reply(body, actor, now);
        await SaveWithFilesAsync(db, ticket, files, message, actor, now, cancellationToken);
        return message;
    }

    public async Task<TicketMessage> AddNoteAsync(int ticketId, string body, Actor actor, IReadOnlyList<IncomingFile>? files = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await LoadAsync(db, ticketId, actor, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = ticket.AddNote(body, actor, now);
        await SaveWithFilesAsync(db, ticket, files, message, actor, now, cancellationToken);
        return message;
    }

    public Task<Ticket> ChangeStatusAsync(int ticketId, TicketStatus status, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, (_, ticket, now) => { ticket.ChangeStatus(status, actor, now); return Task.CompletedTask; }, cancellationToken);

    public Task<Ticket> ChangePriorityAsync(int ticketId, TicketPriority priority, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, (_, ticket, now) => { ticket.ChangePriority(priority, actor, now); return Task.CompletedTask; }, cancellationToken);

    /// <summary>Assigns to a staff user, or unassigns with null. Unknown or non-staff users are refused.</summary>
    public Task<Ticket> AssignAsync(int ticketId, int? assigneeId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, async (db, ticket, now) =>
        {
            var assignee = assigneeId is int id
                ? await StaffDirectory.FindAsync(db, id, cancellationToken) ?? throw new StaffNotFoundException(id)
                : null;
            ticket.Assign(assignee, actor, now);
        }, cancellationToken);

    public Task<Ticket> MoveToDepartmentAsync(int ticketId, int departmentId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, async (db, ticket, now) =>
        {
            var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId, cancellationToken)
                ?? throw new TicketRuleException($"Departman bulunamadı: {departmentId}");
            var assignee = ticket.AssigneeId is int id ? await StaffDirectory.FindAsync(db, id, cancellationToken) : null;
            ticket.MoveToDepartment(department, assignee, actor, now);
        }, cancellationToken);

    public Task<Ticket> ChangeCategoryAsync(int ticketId, int? categoryId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, async (db, ticket, now) =>
        {
            Category? category = categoryId is int id
                ? await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new TicketRuleException($"Kategori bulunamadı: {id}")
                : null;
            ticket.ChangeCategory(category, actor, now);
        }, cancellationToken);

    /// <summary>
    /// Several corrections to one ticket in one save, so a request either changes everything it
    /// asked for or nothing (the support form document's admin PUT/PATCH).
    /// </summary>
    public Task<Ticket> CorrectAsync(int ticketId, TicketCorrection correction, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return ChangeAsync(ticketId, actor, async (db, ticket, now) =>
        {
            if (correction.CategoryId is int categoryId && categoryId != ticket.CategoryId)
            {
                var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken)
                    ?? throw new TicketRuleException($"Kategori bulunamadı: {categoryId}");
                ticket.ChangeCategory(category, actor, now);
            }

            ticket.CorrectRequest(
                correction.RequesterName ?? ticket.RequesterName,
                correction.RequesterEmail ?? ticket.RequesterEmail,
                correction.ClearPhone ? null : correction.RequesterPhone ?? ticket.RequesterPhone,
                correction.Title ?? ticket.Title,
                correction.Description ?? ticket.Description,
                actor, now);
            if (correction.Status is { } status)
            {
                ticket.ChangeStatus(status, actor, now);
            }

            if (correction.ChangeAssignee)
            {
                var assignee = correction.AssigneeId is int id
                    ? await StaffDirectory.FindAsync(db, id, cancellationToken) ?? throw new StaffNotFoundException(id)
                    : null;
                ticket.Assign(assignee, actor, now);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Removes a ticket with its messages, history and attachment files (the support form document's admin DELETE).
    /// Files go only after the rows are gone, so a failed delete leaves a whole ticket behind.
    /// </summary>
    public async Task DeleteAsync(int ticketId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await LoadAsync(db, ticketId, actor, cancellationToken);
        var files = await db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == ticketId)
            .Select(a => new StoredFile(a.FileName, a.ContentType, a.Size, a.StoragePath)).ToListAsync(cancellationToken);
        db.Tickets.Remove(ticket);
        await db.SaveChangesAsync(cancellationToken);
        attachments.Delete(files);
    }

    /// <summary>Applies one change to many tickets, each in its own save; reports what failed and why.</summary>
    public async Task<BulkResult> BulkAsync(IReadOnlyCollection<int> ticketIds, Func<int, Task> change)
    {
        ArgumentNullException.ThrowIfNull(ticketIds);
        ArgumentNullException.ThrowIfNull(change);
        var failures = new List<BulkFailure>();
        foreach (var id in ticketIds.Distinct())
        {
            try
            {
                await change(id);
            }
            catch (Exception ex) when (ex is TicketRuleException or TicketNotFoundException or StaffNotFoundException)
            {
                failures.Add(new BulkFailure(id, ex.Message));
            }
        }

        return new BulkResult(ticketIds.Distinct().Count() - failures.Count, failures);
    }

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="survivorId"/> in one save: both tickets
    /// change together or not at all. Staff must see both.
    /// </summary>
    public async Task<Ticket> MergeAsync(int mergedId, int survivorId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var merged = await LoadWholeAsync(db, mergedId, actor, cancellationToken);
        var survivor = await LoadWholeAsync(db, survivorId, actor, cancellationToken);
        merged.MergeInto(survivor, actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return survivor;
    }

    /// <summary>Opens a new ticket from one public message of <paramref name="ticketId"/>; returns the new ticket (numbered).</summary>
    public async Task<Ticket> SplitAsync(int ticketId, int messageId, string title, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await LoadAsync(db, ticketId, actor, cancellationToken);
        await db.TicketMessages.Where(m => m.TicketId == ticketId && m.Id == messageId).LoadAsync(cancellationToken);
        var split = ticket.SplitOff(messageId, title, actor, clock.GetUtcNow().UtcDateTime);
        db.Tickets.Add(split);
        await db.SaveChangesAsync(cancellationToken);
        return split;
    }

    private static async Task<Ticket> LoadWholeAsync(DestekDbContext db, int ticketId, Actor actor, CancellationToken cancellationToken)
    {
        var ticket = await LoadAsync(db, ticketId, actor, cancellationToken);
        await db.Entry(ticket).Collection(t => t.Messages).LoadAsync(cancellationToken);
        await db.Entry(ticket).Collection(t => t.Attachments).LoadAsync(cancellationToken);
        await db.Entry(ticket).Collection(t => t.History).LoadAsync(cancellationToken);
        return ticket;
    }

    private async Task<Ticket> ChangeAsync(int ticketId, Actor actor, Func<DestekDbContext, Ticket, DateTime, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await LoadAsync(db, ticketId, actor, cancellationToken);
        await change(db, ticket, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    private static async Task<Ticket> LoadAsync(DestekDbContext db, int ticketId, Actor actor, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets
            .Include(t => t.Department)
            .Include(t => t.Category)
            .Include(t => t.Assignee)
            .FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            ?? throw new TicketNotFoundException(ticketId);
        if (actor.Kind == Tickets.AuthorKind.Staff)
        {
            var staff = actor.UserId is int userId ? await StaffDirectory.FindAsync(db, userId, cancellationToken) : null;
            if (staff is null || !staff.WorksIn(ticket.DepartmentId))
            {
                throw new TicketNotFoundException(ticketId);
            }
        }

        return ticket;
    }

    private async Task<Ticket> SaveWithFilesAsync(DestekDbContext db, Ticket ticket, IReadOnlyList<IncomingFile>? files, TicketMessage? message, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var stored = new List<StoredFile>();
        try
        {
            foreach (var file in files ?? [])
            {
                var saved = await attachments.SaveAsync(file, cancellationToken);
                stored.Add(saved);
                ticket.Attach(saved, message, actor, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return ticket;
        }
        catch
        {
            attachments.Delete(stored);
            throw;
        }
    }
}

/// <summary>What an admin corrects on a ticket; null leaves a value as it is.</summary>
public sealed record TicketCorrection
{
    public string? RequesterName { get; init; }
    public string? RequesterEmail { get; init; }
    public string? RequesterPhone { get; init; }
    public bool ClearPhone { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? CategoryId { get; init; }
    public TicketStatus? Status { get; init; }
    public bool ChangeAssignee { get; init; }
    public int? AssigneeId { get; init; }
}

public sealed class StaffNotFoundException(int userId) : Exception($"Personel bulunamadı: {userId}")
{
    public int UserId { get; } = userId;
}

public sealed record BulkFailure(int TicketId, string Reason);

public sealed record BulkResult(int Succeeded, IReadOnlyList<BulkFailure> Failures);

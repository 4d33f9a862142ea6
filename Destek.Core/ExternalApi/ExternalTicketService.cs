using Destek.Core.Access;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.ExternalApi;

/// <summary>Why /api/external refuses a write; the API picks the status code for each.</summary>
public enum ExternalRefusalKind
{
    Invalid,
    Forbidden,
    NotFound,
}

/// <summary>A refused write: why, the message for the client and the field it is about.</summary>
public sealed record ExternalRefusal(ExternalRefusalKind Kind, string Detail, string? Field = null);

/// <summary>The written value, or the refusal (exactly one of them is set).</summary>
public sealed record ExternalOutcome<T>(T? Value, ExternalRefusal? Refusal)
    where T : class;

/// <summary>A validated create request (the endpoint has already checked types and sizes).</summary>
public sealed record ExternalTicketRequest
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public TicketPriority Priority { get; init; } = TicketPriority.Medium;
    public int? DepartmentId { get; init; }
    public string? ExternalRef { get; init; }
    public string? RequesterEmail { get; init; }
    public string? RequesterName { get; init; }
    public bool IsPrivate { get; init; }
    public string? TeosId { get; init; }
    public string? CitizenshipNo { get; init; }
}

/// <summary>
/// The writes of /api/external: comments through the TicketService every surface uses, creation
/// through TicketService.CreateAsync, so history, numbers and webhook events are the same as in the desk.
/// Department: the one asked for (unknown or inactive → 400, outside the client's list → 403), else
/// the installation's default department; when the client is limited to departments that do not
/// include the default, its first allowed active department.
/// Comments are public messages "[API - {client name}] {content}" written by the "Sistem" user.
/// </summary>
public sealed class ExternalTicketService(
    IDbContextFactory<DestekDbContext> dbFactory, TicketService tickets, ExternalCountCache counts, SystemUser systemUser, DepartmentIntake intake)
{
    private static readonly ExternalRefusal TicketNotFound = new(ExternalRefusalKind.NotFound, "Talep bulunamadı.");

    public async Task<ExternalOutcome<ExternalTicket>> CreateAsync(AuthenticatedClient client, ExternalTicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var (department, refusal) = await ResolveDepartmentAsync(client, request.DepartmentId, cancellationToken);
        if (department is null)
        {
            return new(null, refusal);
        }

        Ticket ticket;
        try
        {
            ticket = await tickets.CreateAsync(new NewTicket
            {
                Title = request.Title,
                Description = request.Description,
                Priority = request.Priority,
                DepartmentId = department.Id,
                Source = TicketSource.Api,
                RequesterName = string.IsNullOrWhiteSpace(request.RequesterName) ? client.Name : request.RequesterName,
                RequesterEmail = request.RequesterEmail,
                ExternalRef = request.ExternalRef,
                IsPrivate = request.IsPrivate,
                TeosId = request.TeosId,
                CitizenshipNo = request.CitizenshipNo,
                ApiClientId = client.Id,
            }, Actor.ApiClient(client.Id, client.Name), cancellationToken: cancellationToken);
        }
        catch (TicketRuleException ex)
        {
            return new(null, new ExternalRefusal(ExternalRefusalKind.Invalid, ex.Message));
        }

        counts.Changed(client.Id);

        return new(new ExternalTicket(ticket.Id, ticket.Title, ticket.Description, TicketLifecycle.ToExternal(ticket.Status),
            TicketLifecycle.ToEnglish(ticket.Priority), ExternalFormat.Source(ticket.Source), ticket.ExternalRef, department.Id, department.Name,
            null, null, ticket.IsPrivate, ExternalFormat.Timestamp(ticket.CreatedAt), ExternalFormat.Timestamp(ticket.UpdatedAt),
            ExternalFormat.Timestamp(ticket.ClosedAt), ticket.PublicMessageCount, ticket.AttachmentCount), null);
    }

    public async Task<ExternalOutcome<ExternalComment>> AddCommentAsync(AuthenticatedClient client, int ticketId, string content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Tickets.AnyAsync(t => t.Id == ticketId && t.ApiClientId == client.Id, cancellationToken))
            {
                return new(null, TicketNotFound);
            }
        }

        var actor = new Actor(AuthorKind.ApiClient, SystemUser.DisplayName, await systemUser.IdAsync(cancellationToken), client.Id);
        try
        {
            var message = await tickets.ReplyAsync(ticketId, $"[API - {client.Name}] {content.Trim()}", actor, cancellationToken: cancellationToken);
            return new(new ExternalComment(message.Id, message.Body, message.AuthorUserId, message.AuthorName, ExternalFormat.Timestamp(message.CreatedAt)), null);
        }
        catch (TicketRuleException ex)
        {
            return new(null, new ExternalRefusal(ExternalRefusalKind.Invalid, ex.Message, "content"));
        }
        catch (TicketNotFoundException)
        {
            return new(null, TicketNotFound);
        }
    }

    private async Task<(DepartmentState? Department, ExternalRefusal? Refusal)> ResolveDepartmentAsync(AuthenticatedClient client, int? requested, CancellationToken cancellationToken)
    {
        const string field = "department_id";
        var departments = await intake.DepartmentsAsync(cancellationToken);
        if (requested is int id)
        {
            var department = departments.FirstOrDefault(d => d.Id == id);
            if (department is null)
            {
                return (null, new ExternalRefusal(ExternalRefusalKind.Invalid, $"Departman bulunamadı: {id}", field));
            }

            if (!department.IsActive)
            {
                return (null, new ExternalRefusal(ExternalRefusalKind.Invalid, $"{department.Name} departmanı pasif.", field));
            }

            return client.MayUseDepartment(id)
                ? (department, null)
                : (null, new ExternalRefusal(ExternalRefusalKind.Forbidden, $"Bu API client {department.Name} departmanına talep açamaz.", field));
        }

        var fallback = departments.Where(d => d.IsActive && client.MayUseDepartment(d.Id))
            .OrderByDescending(d => d.IsDefault).ThenBy(d => d.Id).FirstOrDefault();
        return fallback is not null
            ? (fallback, null)
            : (null, new ExternalRefusal(ExternalRefusalKind.Forbidden, "Bu API client için izin verilen etkin bir departman yok.", field));
    }
}

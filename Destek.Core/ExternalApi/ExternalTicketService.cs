using Destek.Core.Access;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.ExternalApi;

/// <summary>A refusal with seed-000's status code and the field it is about (400 names the field).</summary>
public sealed class ExternalApiException(int status, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string? Field { get; } = field;
}

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
    IDbContextFactory<DestekDbContext> dbFactory, TicketService tickets, ExternalCountCache counts, SystemUser systemUser, IMemoryCache cache)
{
    private static readonly TimeSpan DepartmentCacheLifetime = TimeSpan.FromSeconds(5);
    private static readonly object DepartmentsKey = new();

    public async Task<ExternalTicket> CreateAsync(AuthenticatedClient client, ExternalTicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var department = await ResolveDepartmentAsync(client, request.DepartmentId, cancellationToken);
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
            throw new ExternalApiException(400, ex.Message);
        }

        counts.Changed(client.Id);

        return new ExternalTicket(ticket.Id, ticket.Title, ticket.Description, TicketLifecycle.ToExternal(ticket.Status),
            TicketLifecycle.ToEnglish(ticket.Priority), ExternalFormat.Source(ticket.Source), ticket.ExternalRef, department.Id, department.Name,
            null, null, ticket.IsPrivate, ExternalFormat.Timestamp(ticket.CreatedAt), ExternalFormat.Timestamp(ticket.UpdatedAt),
            ExternalFormat.Timestamp(ticket.ClosedAt), ticket.PublicMessageCount, ticket.AttachmentCount);
    }

    public async Task<ExternalComment> AddCommentAsync(AuthenticatedClient client, int ticketId, string content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Tickets.AnyAsync(t => t.Id == ticketId && t.ApiClientId == client.Id, cancellationToken))
            {
                throw new ExternalApiException(404, "Talep bulunamadı.");
            }
        }

        var actor = new Actor(AuthorKind.ApiClient, SystemUser.DisplayName, await systemUser.IdAsync(cancellationToken), client.Id);
        try
        {
            var message = await tickets.ReplyAsync(ticketId, $"[API - {client.Name}] {content.Trim()}", actor, cancellationToken: cancellationToken);
            return new ExternalComment(message.Id, message.Body, message.AuthorUserId, message.AuthorName, ExternalFormat.Timestamp(message.CreatedAt));
        }
        catch (TicketRuleException ex)
        {
            throw new ExternalApiException(400, ex.Message, "content");
        }
        catch (TicketNotFoundException)
        {
            throw new ExternalApiException(404, "Talep bulunamadı.");
        }
    }

    private async Task<DepartmentInfo> ResolveDepartmentAsync(AuthenticatedClient client, int? requested, CancellationToken cancellationToken)
    {
        var departments = await DepartmentsAsync(cancellationToken);
        if (requested is int id)
        {
            var department = departments.All.FirstOrDefault(d => d.Id == id)
                ?? throw new ExternalApiException(400, $"Departman bulunamadı: {id}", "department_id");
            if (!department.IsActive)
            {
                throw new ExternalApiException(400, $"{department.Name} departmanı pasif.", "department_id");
            }

            return client.MayUseDepartment(id)
                ? department
                : throw new ExternalApiException(403, $"Bu API client {department.Name} departmanına talep açamaz.", "department_id");
        }

        var fallback = departments.All.Where(d => d.IsActive && client.MayUseDepartment(d.Id))
            .OrderByDescending(d => d.IsDefault).ThenBy(d => d.Id).FirstOrDefault();
        return fallback ?? throw new ExternalApiException(403, "Bu API client için izin verilen etkin bir departman yok.", "department_id");
    }

    private async Task<DepartmentSnapshot> DepartmentsAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(DepartmentsKey, out DepartmentSnapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Departments.AsNoTracking().Select(d => new DepartmentInfo(d.Id, d.Name, d.IsActive, d.IsDefault)).ToListAsync(cancellationToken);
        snapshot = new DepartmentSnapshot(all);
        cache.Set(DepartmentsKey, snapshot, DepartmentCacheLifetime);
        return snapshot;
    }

    private sealed record DepartmentInfo(int Id, string Name, bool IsActive, bool IsDefault);

    private sealed record DepartmentSnapshot(IReadOnlyList<DepartmentInfo> All);
}

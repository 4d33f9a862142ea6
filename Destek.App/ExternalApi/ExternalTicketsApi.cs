using System.Globalization;
using Destek.App.Platform;
using Destek.App.Platform.OpenApi;
using Destek.Core.ExternalApi;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Destek.App.ExternalApi;

/// <summary>
/// the external API's tickets: POST/GET /api/external/tickets, GET /api/external/tickets/{id},
/// GET /api/external/tickets/by-ref/{external_ref}. A client sees only the tickets it created.
/// </summary>
public static class ExternalTicketsApi
{
    public const int DefaultPerPage = 20;
    public const int MaxPerPage = 100;

    /// <summary>The old spelling of per_page, answered alike until its sunset (docs/changelog.md).</summary>
    public const string LegacyPerPage = "perPage";
    public static readonly DateTimeOffset LegacyPerPageSince = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LegacyPerPageSunset = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static RouteGroupBuilder MapExternalTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapExternalGroup("/tickets");
        group.MapPost("", CreateAsync).WithName("external.createTicket")
            .DocumentsBody<ExternalTicketCreateBody>("application/json").Produces<ExternalTicket>(StatusCodes.Status201Created);
        group.MapGet("", ListAsync).WithName("external.listTickets").Produces<ExternalTicketPage>()
            .DeprecatedQueryParameter(LegacyPerPage, "per_page", LegacyPerPageSince, LegacyPerPageSunset);
        group.MapGet("/{id:int}", GetAsync).WithName("external.getTicket").Produces<ExternalTicket>();
        group.MapGet("/by-ref/{**externalRef}", ByRefAsync).WithName("external.getTicketByRef").Produces<ExternalTicket>();
        return group;
    }

    private static async Task<Results<JsonHttpResult<ExternalTicket>, ExternalProblem>> CreateAsync(
        HttpContext context, ExternalTicketService tickets, CancellationToken cancellationToken)
    {
        var client = ExternalApiGate.ClientOf(context);
        var (body, unreadable) = await JsonBody.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return unreadable!;
        }

        var priorityName = body.OptionalString("priority", 20);
        var priority = priorityName is null ? TicketPriority.Medium : TicketLifecycle.FromEnglish(priorityName);
        if (priority is null)
        {
            body.Refuse("priority", "priority alanı low, medium, high veya urgent olmalıdır.");
        }

        var citizenshipNo = body.OptionalString("citizenship_no", 11);
        if (!string.IsNullOrEmpty(citizenshipNo) && !TcKimlikNo.IsValid(citizenshipNo))
        {
            body.Refuse("citizenship_no", "citizenship_no alanı geçerli bir TC Kimlik No olmalıdır.");
        }

        var request = new ExternalTicketRequest
        {
            Title = body.RequiredString("title", Ticket.TitleMaxLength),
            Description = body.RequiredString("description", Ticket.DescriptionMaxLength),
            Priority = priority ?? TicketPriority.Medium,
            DepartmentId = body.OptionalInt("department_id"),
            ExternalRef = NullIfEmpty(body.OptionalString("external_ref", 100)),
            RequesterEmail = body.OptionalEmail("requester_email"),
            RequesterName = NullIfEmpty(body.OptionalString("requester_name", 200)),
            IsPrivate = body.OptionalBool("is_private") ?? false,
            TeosId = NullIfEmpty(body.OptionalString("teos_id", 50)),
            CitizenshipNo = NullIfEmpty(citizenshipNo),
        };
        if (body.Error is { } invalid)
        {
            return invalid;
        }

        var created = await tickets.CreateAsync(client, request, cancellationToken);
        return created.Value is { } ticket
            ? TypedResults.Json(ticket, ExternalFormat.Json, statusCode: StatusCodes.Status201Created)
            : ExternalErrors.Refused(context, created.Refusal!);
    }

    private static async Task<Results<JsonHttpResult<ExternalTicketPage>, ExternalProblem>> ListAsync(
        HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var client = ExternalApiGate.ClientOf(context);
        var query = context.Request.Query;
        TicketStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusName)
        {
            status = TicketLifecycle.FromExternal(statusName);
            if (status is null)
            {
                return ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, "status open, in_progress, resolved veya closed olmalıdır.", "status");
            }
        }

        if (IntParameter(query["page"].ToString(), 1, 1, int.MaxValue / MaxPerPage) is not int page)
        {
            return ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, "page 1 veya daha büyük bir tam sayı olmalıdır.", "page");
        }

        var perPageName = query.ContainsKey("per_page") || !query.ContainsKey(LegacyPerPage) ? "per_page" : LegacyPerPage;
        if (IntParameter(query[perPageName].ToString(), DefaultPerPage, 1, MaxPerPage) is not int perPage)
        {
            return ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, $"{perPageName} 1 ile {MaxPerPage} arasında bir tam sayı olmalıdır.", perPageName);
        }

        var externalRef = query["external_ref"].ToString();
        var result = await queries.ListAsync(client.Id, status, externalRef.Length > 0 ? externalRef : null, page, perPage, cancellationToken);
        return TypedResults.Json(result, ExternalFormat.Json);
    }

    private static async Task<Results<JsonHttpResult<ExternalTicket>, ExternalProblem>> GetAsync(
        int id, HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var ticket = await queries.GetAsync(ExternalApiGate.ClientOf(context).Id, id, cancellationToken);
        return ticket is null
            ? ExternalErrors.Problem(context, StatusCodes.Status404NotFound, ExternalErrors.TicketNotFound)
            : TypedResults.Json(ticket, ExternalFormat.Json);
    }

    private static async Task<Results<JsonHttpResult<ExternalTicket>, ExternalProblem>> ByRefAsync(
        string? externalRef, HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var wanted = ExternalRefOf(context, externalRef);
        var ticket = string.IsNullOrEmpty(wanted) ? null : await queries.ByRefAsync(ExternalApiGate.ClientOf(context).Id, wanted, cancellationToken);
        return ticket is null
            ? ExternalErrors.Problem(context, StatusCodes.Status404NotFound, "Bu harici referansla talep bulunamadı.")
            : TypedResults.Json(ticket, ExternalFormat.Json);
    }

    /// <summary>
    /// The reference as the client wrote it. The server leaves an encoded slash (%2F) encoded in the
    /// path it routes on, so a reference like "ERP/2026/1" is decoded here from the raw request
    /// target, exactly once.
    /// </summary>
    private static string? ExternalRefOf(HttpContext context, string? routed)
    {
        const string marker = "/by-ref/";
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? raw[..query] : raw;
        var at = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return routed;
        }

        try
        {
            return Uri.UnescapeDataString(path[(at + marker.Length)..]);
        }
        catch (UriFormatException)
        {
            return routed;
        }
    }

    /// <summary>The parameter, its default when absent, or null when it is not a whole number in range.</summary>
    private static int? IntParameter(string raw, int fallback, int min, int max)
    {
        if (raw.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

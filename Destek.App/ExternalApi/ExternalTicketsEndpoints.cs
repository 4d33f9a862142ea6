using System.Globalization;
using Destek.Core.ExternalApi;
using Destek.Core.Tickets;

namespace Destek.App.ExternalApi;

/// <summary>
/// seed-000 tickets: POST/GET /api/external/tickets, GET /api/external/tickets/{id},
/// GET /api/external/tickets/by-ref/{external_ref}. A client sees only the tickets it created.
/// </summary>
public static class ExternalTicketsEndpoints
{
    public const int DefaultPerPage = 20;
    public const int MaxPerPage = 100;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/tickets", CreateAsync);
        api.MapGet("/tickets", ListAsync);
        api.MapGet("/tickets/{id:int}", GetAsync);
        api.MapGet("/tickets/by-ref/{**externalRef}", ByRefAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ExternalTicketService tickets, CancellationToken cancellationToken)
    {
        var client = ExternalApiGate.ClientOf(context);
        var body = await JsonBody.ReadObjectAsync(context, cancellationToken);
        var priorityName = JsonBody.OptionalString(body, "priority", 20);
        var priority = priorityName is null ? TicketPriority.Medium : TicketLifecycle.FromEnglish(priorityName)
            ?? throw new ExternalApiException(400, "priority alanı low, medium, high veya urgent olmalıdır.", "priority");
        var citizenshipNo = JsonBody.OptionalString(body, "citizenship_no", 11);
        if (!string.IsNullOrEmpty(citizenshipNo) && !TcKimlikNo.IsValid(citizenshipNo))
        {
            throw new ExternalApiException(400, "citizenship_no alanı geçerli bir TC Kimlik No olmalıdır.", "citizenship_no");
        }

        var request = new ExternalTicketRequest
        {
            Title = JsonBody.RequiredString(body, "title", Ticket.TitleMaxLength),
            Description = JsonBody.RequiredString(body, "description", Ticket.DescriptionMaxLength),
            Priority = priority,
            DepartmentId = JsonBody.OptionalInt(body, "department_id"),
            ExternalRef = NullIfEmpty(JsonBody.OptionalString(body, "external_ref", 100)),
            RequesterEmail = JsonBody.OptionalEmail(body, "requester_email"),
            RequesterName = NullIfEmpty(JsonBody.OptionalString(body, "requester_name", 200)),
            IsPrivate = JsonBody.OptionalBool(body, "is_private") ?? false,
            TeosId = NullIfEmpty(JsonBody.OptionalString(body, "teos_id", 50)),
            CitizenshipNo = NullIfEmpty(citizenshipNo),
        };
        var created = await tickets.CreateAsync(client, request, cancellationToken);
        return Results.Json(created, ExternalFormat.Json, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var client = ExternalApiGate.ClientOf(context);
        var query = context.Request.Query;
        TicketStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusName)
        {
            status = TicketLifecycle.FromExternal(statusName)
                ?? throw new ExternalApiException(400, "status open, in_progress, resolved veya closed olmalıdır.", "status");
        }

        var page = IntParameter(query["page"].ToString(), "page", 1, 1, int.MaxValue / MaxPerPage, "page 1 veya daha büyük bir tam sayı olmalıdır.");
        var perPage = IntParameter(query["per_page"].ToString(), "per_page", DefaultPerPage, 1, MaxPerPage, $"per_page 1 ile {MaxPerPage} arasında bir tam sayı olmalıdır.");
        var externalRef = query["external_ref"].ToString();
        var result = await queries.ListAsync(client.Id, status, externalRef.Length > 0 ? externalRef : null, page, perPage, cancellationToken);
        return Results.Json(result, ExternalFormat.Json);
    }

    private static async Task<IResult> GetAsync(int id, HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var ticket = await queries.GetAsync(ExternalApiGate.ClientOf(context).Id, id, cancellationToken);
        return ticket is null ? ExternalErrors.Problem(context, StatusCodes.Status404NotFound, "Talep bulunamadı.") : Results.Json(ticket, ExternalFormat.Json);
    }

    private static async Task<IResult> ByRefAsync(string? externalRef, HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var wanted = ExternalRefOf(context, externalRef);
        var ticket = string.IsNullOrEmpty(wanted) ? null : await queries.ByRefAsync(ExternalApiGate.ClientOf(context).Id, wanted, cancellationToken);
        return ticket is null
            ? ExternalErrors.Problem(context, StatusCodes.Status404NotFound, "Bu harici referansla talep bulunamadı.")
            : Results.Json(ticket, ExternalFormat.Json);
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

    private static int IntParameter(string raw, string name, int fallback, int min, int max, string message)
    {
        if (raw.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ExternalApiException(400, message, name);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

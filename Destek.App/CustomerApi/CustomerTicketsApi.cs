using System.Globalization;
using Destek.App.Platform.OpenApi;
using Destek.Core.Customers;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Destek.App.CustomerApi;

/// <summary>
/// The customer API document's five endpoints under /api/user/support/tickets: create, list, detail,
/// reply, messages. A customer reaches only their own tickets; another's reads as 404.
/// </summary>
public static class CustomerTicketsApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxSearchLength = 200;

    public static RouteGroupBuilder MapCustomerTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapCustomerGroup("/support/tickets");
        group.MapPost("", CreateAsync).WithName("customer.createTicket")
            .DocumentsBody<CustomerTicketCreateBody>("application/json").Produces<CreateAnswerJson>(StatusCodes.Status201Created);
        group.MapGet("", ListAsync).WithName("customer.listTickets").Produces<TicketListJson>();
        group.MapGet("/{id}", GetAsync).WithName("customer.getTicket").Produces<TicketDetailJson>();
        group.MapPost("/{id}/reply", ReplyAsync).WithName("customer.reply")
            .DocumentsBody<CustomerReplyBody>("application/json").Produces<ReplyAnswerJson>(StatusCodes.Status201Created);
        group.MapGet("/{id}/messages", MessagesAsync).WithName("customer.messages").Produces<MessagesJson>();
        return group;
    }

    private static async Task<Results<JsonHttpResult<CreateAnswerJson>, CustomerProblem>> CreateAsync(
        HttpContext context, CustomerTicketService tickets, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await CustomerApiBody.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return unreadable!;
        }

        var subject = body.String("subject");
        var category = body.String("category");
        var priorityName = body.String("priority");
        var message = body.String("message");
        if (body.TypeError(context) is { } typeError)
        {
            return typeError;
        }

        var priority = string.IsNullOrEmpty(priorityName) ? TicketPriority.Medium : TicketLifecycle.FromTurkish(priorityName);
        if (priority is null)
        {
            return CustomerApiErrors.Field(context, StatusCodes.Status422UnprocessableEntity, "priority", "priority dusuk, orta, yuksek veya acil olmalıdır.");
        }

        var created = await tickets.CreateAsync(CustomerApiGate.CustomerOf(context), new CustomerTicketRequest
        {
            Subject = subject,
            CategorySlug = category,
            Priority = priority.Value,
            Message = message,
        }, cancellationToken);
        return created.Value is { } ticket
            ? TypedResults.Json(new CreateAnswerJson(true, "Destek talebiniz başarıyla oluşturuldu", CustomerApiJson.Created(ticket)), Format, statusCode: StatusCodes.Status201Created)
            : CustomerApiErrors.Refused(context, created.Refusal!);
    }

    private static async Task<Results<JsonHttpResult<TicketListJson>, CustomerProblem>> ListAsync(
        HttpContext context, CustomerTicketQueries queries, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (IntParameter(query["page"].ToString(), 1, 1, int.MaxValue / MaxLimit) is not int page)
        {
            return CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "page", "page 1 veya daha büyük bir tam sayı olmalıdır.");
        }

        if (IntParameter(query["limit"].ToString(), DefaultLimit, 1, MaxLimit) is not int limit)
        {
            return CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "limit", $"limit 1 ile {MaxLimit} arasında bir tam sayı olmalıdır.");
        }

        var status = query["status"].ToString();
        if (status.Length > 0 && !TicketLifecycle.IsCustomerStatus(status))
        {
            return CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "status", "status acik, cevaplandi veya kapatildi olmalıdır.");
        }

        TicketPriority? priority = null;
        if (query["priority"].ToString() is { Length: > 0 } priorityName && (priority = TicketLifecycle.FromTurkish(priorityName)) is null)
        {
            return CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "priority", "priority dusuk, orta, yuksek veya acil olmalıdır.");
        }

        var search = query["search"].ToString();
        if (search.Length > MaxSearchLength)
        {
            return CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "search", $"search en fazla {MaxSearchLength} karakter olabilir.");
        }

        var category = query["category"].ToString();
        var filter = new CustomerTicketFilter
        {
            Status = status.Length > 0 ? status : null,
            CategorySlug = category.Length > 0 ? category : null,
            Priority = priority,
            Search = search.Length > 0 ? search : null,
        };
        var result = await queries.ListAsync(CustomerApiGate.CustomerOf(context).UserId, filter, page, limit, cancellationToken);
        if (result is null)
        {
            return CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "category", "Bu kısa adla bir kategori yok (ör. teknik_sorun, hesap_sorunu).");
        }

        return TypedResults.Json(new TicketListJson(result.Tickets.Select(CustomerApiJson.Item).ToList(), result.TotalCount,
            (long)page * limit < result.TotalCount, page, limit), Format);
    }

    private static async Task<Results<JsonHttpResult<TicketDetailJson>, CustomerProblem>> GetAsync(
        string id, HttpContext context, CustomerTicketQueries queries, CancellationToken cancellationToken)
    {
        var detail = Guid.TryParse(id, out var ticketId) ? await queries.GetAsync(CustomerApiGate.CustomerOf(context), ticketId, cancellationToken) : null;
        return detail is null
            ? CustomerApiErrors.Problem(context, StatusCodes.Status404NotFound, CustomerRefusal.TicketNotFound)
            : TypedResults.Json(CustomerApiJson.Detail(detail), Format);
    }

    private static async Task<Results<JsonHttpResult<MessagesJson>, CustomerProblem>> MessagesAsync(
        string id, HttpContext context, CustomerTicketQueries queries, CancellationToken cancellationToken)
    {
        var messages = Guid.TryParse(id, out var ticketId) ? await queries.MessagesAsync(CustomerApiGate.CustomerOf(context), ticketId, cancellationToken) : null;
        return messages is null
            ? CustomerApiErrors.Problem(context, StatusCodes.Status404NotFound, CustomerRefusal.TicketNotFound)
            : TypedResults.Json(new MessagesJson(messages.Select(CustomerApiJson.Message).ToList()), Format);
    }

    private static async Task<Results<JsonHttpResult<ReplyAnswerJson>, CustomerProblem>> ReplyAsync(
        string id, HttpContext context, CustomerTicketService tickets, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var ticketId))
        {
            return CustomerApiErrors.Problem(context, StatusCodes.Status404NotFound, CustomerRefusal.TicketNotFound);
        }

        var (body, unreadable) = await CustomerApiBody.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return unreadable!;
        }

        var message = body.String("message");
        if (body.TypeError(context) is { } typeError)
        {
            return typeError;
        }

        var sent = await tickets.ReplyAsync(CustomerApiGate.CustomerOf(context), ticketId, message, cancellationToken);
        return sent.Value is { } reply
            ? TypedResults.Json(new ReplyAnswerJson(true, "Mesajınız başarıyla gönderildi", CustomerApiJson.SupportMessage(reply)), Format, statusCode: StatusCodes.Status201Created)
            : CustomerApiErrors.Refused(context, sent.Refusal!);
    }

    private static System.Text.Json.JsonSerializerOptions Format => ExternalFormat.Json;

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
}

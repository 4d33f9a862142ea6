using System.Globalization;
using Destek.App.Account;
using Destek.App.Platform;
using Destek.App.Platform.OpenApi;
using Destek.Core.Identity;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// the support form API under /api/support/tickets/: anonymous create (per-IP budget), and for staff
/// (<see cref="StaffOnlyFilter"/>) list, retrieve, update_status, assign, and the admins' PUT,
/// PATCH and DELETE. Every write goes through TicketService like the desk, so history, events and
/// the agent's department limits apply. Bad input is answered by the handlers; TicketService's
/// refusals get their answer in <see cref="Refused"/>.
/// </summary>
public static class SupportTicketsApi
{
    public const string CreatedMessage = "Destek talebiniz başarıyla oluşturuldu";
    public const string StatusChangedMessage = "Ticket durumu güncellendi";
    public const string AssignedMessage = "Ticket atandı";
    public const string InvalidStatus = "Geçersiz durum";
    public const string UserNotFound = "Kullanıcı bulunamadı";
    public const string AdminOnly = "Bu işlemi yapmak için izniniz bulunmamaktadır.";
    public const string InvalidPage = "Geçersiz sayfa.";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private static readonly string[] TextFields =
        [SupportRequestValidator.Name, SupportRequestValidator.Email, SupportRequestValidator.Phone, SupportRequestValidator.Subject, SupportRequestValidator.Message];

    /// <summary>The support form document answers its actions as {"status": "error"} and its serializer writes as DRF validation errors.</summary>
    private enum Shape
    {
        Action,
        Serializer,
    }

    public static RouteGroupBuilder MapSupportTicketsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/support/tickets").DisableAntiforgery().WithGroupName(OpenApiSurfaces.Support);
        group.MapPost("/", CreateAsync).AllowAnonymous().WithName("support.create")
            .DocumentsBody<SupportTicketCreateBody>("multipart/form-data", "application/x-www-form-urlencoded", "application/json")
            .Produces<SupportCreatedAnswer>(StatusCodes.Status201Created)
            .AddEndpointFilter(async (invocation, next) =>
            {
                var http = invocation.HttpContext;
                var rateLimit = http.RequestServices.GetRequiredService<SupportFormRateLimit>();
                return rateLimit.TryAcquire(http) is int wait
                    ? SupportApiResults.Detail(http, StatusCodes.Status429TooManyRequests, $"İstek kısıtlandı. {wait} saniye içinde tekrar deneyin.")
                    : await next(invocation);
            })
            .WithIdempotencyKeys(CreateIdempotencyScope);

        var staff = group.MapGroup("").AddEndpointFilter<StaffOnlyFilter>()
            .WithIdempotencyKeys(context => "user:" + StaffOnlyFilter.Staff(context).UserId);
        staff.MapGet("/", ListAsync).WithName("support.list").Produces<SupportTicketPage>();
        staff.MapGet("/{id:int}/", GetAsync).WithName("support.get").Produces<SupportTicketShape>();
        staff.MapPatch("/{id:int}/update_status/", UpdateStatusAsync).WithName("support.updateStatus")
            .DocumentsBody<SupportStatusBody>("application/json", "application/x-www-form-urlencoded", "multipart/form-data").Produces<SupportActionAnswer>();
        staff.MapPatch("/{id:int}/assign/", AssignAsync).WithName("support.assign")
            .DocumentsBody<SupportAssignBody>("application/json", "application/x-www-form-urlencoded", "multipart/form-data").Produces<SupportActionAnswer>();
        staff.MapPut("/{id:int}/", (int id, HttpContext context, TicketService tickets, SupportTicketQueries queries, SupportRequestService support) =>
            ChangeAsync(id, partial: false, context, tickets, queries, support))
            .WithName("support.replace").DocumentsBody<SupportTicketChangeBody>("application/json", "application/x-www-form-urlencoded", "multipart/form-data").Produces<SupportTicketShape>();
        staff.MapPatch("/{id:int}/", (int id, HttpContext context, TicketService tickets, SupportTicketQueries queries, SupportRequestService support) =>
            ChangeAsync(id, partial: true, context, tickets, queries, support))
            .WithName("support.update").DocumentsBody<SupportTicketChangeBody>("application/json", "application/x-www-form-urlencoded", "multipart/form-data").Produces<SupportTicketShape>();
        staff.MapDelete("/{id:int}/", DeleteAsync).WithName("support.delete");
        return group;
    }

    /// <summary>
    /// Creation is anonymous, so the caller is who the rate limit counts: a signed-in user by id,
    /// anyone else by client IP. Keys from two visitors therefore never meet, and a stored answer
    /// (with its ticket number) only goes back to the address that made it.
    /// </summary>
    private static string CreateIdempotencyScope(HttpContext context)
    {
        var identity = context.RequestServices.GetRequiredService<IdentityOptionsAccessor>();
        return identity.UserIdOf(context.User) is int userId
            ? "user:" + userId
            : "ip:" + context.RequestServices.GetRequiredService<ClientAddress>().Of(context);
    }

    /// <summary>
    /// POST / (the support form API's create): multipart, form-urlencoded or JSON; 201 with the seed's body, 400
    /// naming each bad field. A signed-in customer's ticket is linked to their account (the session
    /// cookie is SameSite=Lax, so another site cannot post in their name).
    /// </summary>
    private static async Task<Results<JsonHttpResult<Dictionary<string, object?>>, SupportProblem>> CreateAsync(
        HttpContext context, SupportRequestService support, IdentityOptionsAccessor identity)
    {
        var (body, unreadable) = await SupportApiBody.ReadAsync(context, allowFiles: true);
        if (body is null)
        {
            return unreadable!;
        }

        var typeErrors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in TextFields.Where(body.NotText.Contains))
        {
            typeErrors[field] = ["Geçerli bir metin girin."];
        }

        var files = body.Files?.GetFiles(SupportRequestValidator.Attachment) ?? [];
        if (files.Count > 1 || body.NotText.Contains(SupportRequestValidator.Attachment) || !string.IsNullOrEmpty(body[SupportRequestValidator.Attachment]))
        {
            typeErrors[SupportRequestValidator.Attachment] = ["Gönderilen veri bir dosya değil. Formun kodlama tipini kontrol edin."];
        }

        if (typeErrors.Count > 0)
        {
            return SupportApiResults.Validation(context, typeErrors);
        }

        var request = new SupportRequest
        {
            Name = body[SupportRequestValidator.Name],
            Email = body[SupportRequestValidator.Email],
            Phone = body[SupportRequestValidator.Phone],
            Subject = body[SupportRequestValidator.Subject],
            Message = body[SupportRequestValidator.Message],
            Attachment = files.Count == 1 ? ToIncoming(files[0]) : null,
        };

        SupportSubmission submission;
        try
        {
            submission = await support.SubmitAsync(request, CustomerId(context, identity), context.RequestAborted);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return Refused(context, ex, Shape.Serializer);
        }

        if (submission.Ticket is not { } ticket)
        {
            return SupportApiResults.Validation(context, submission.Errors);
        }

        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["status"] = "success",
            ["message"] = CreatedMessage,
            ["data"] = new Dictionary<string, object?>
            {
                // the support form document answers the number in ticket_id too.
                ["ticket_id"] = ticket.Number,
                ["ticket_number"] = ticket.Number,
                ["created_at"] = SupportApiResults.Timestamp(ticket.CreatedAt),
                ["estimated_response_time"] = SupportRequestService.EstimatedResponseTime,
            },
        }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// GET / (the support form API's list): filters status (pending, in_progress, resolved, closed), subject,
    /// assigned_to, created_at__gte / created_at__lte (date or date-time); search; page and
    /// page_size, answered DRF-style {count, next, previous, results}, newest first.
    /// </summary>
    private static async Task<Results<JsonHttpResult<Dictionary<string, object?>>, SupportProblem>> ListAsync(HttpContext context, SupportTicketQueries queries)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? Text(string name) => query[name].ToString() is { Length: > 0 } v ? v : null;

        TicketStatus? status = null;
        if (Text("status") is { } statusName)
        {
            status = TicketLifecycle.FromSupportForm(statusName);
            if (status is null)
            {
                errors["status"] = [$"Geçerli bir seçim yapın. \"{statusName}\" mevcut seçeneklerden biri değil."];
            }
        }

        int? assignedTo = null;
        if (Text("assigned_to") is { } assignee)
        {
            if (int.TryParse(assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                assignedTo = id;
            }
            else
            {
                errors["assigned_to"] = [$"Geçerli bir seçim yapın. \"{assignee}\" mevcut seçeneklerden biri değil."];
            }
        }

        var from = ParseDate(Text("created_at__gte"), endOfDay: false, "created_at__gte", errors);
        var before = ParseDate(Text("created_at__lte"), endOfDay: true, "created_at__lte", errors);
        var page = ParsePositive(Text("page"), 1, int.MaxValue, "page", InvalidPage, errors);
        var pageSize = ParsePositive(Text("page_size"), DefaultPageSize, MaxPageSize, "page_size", $"Sayfa boyutu 1 ile {MaxPageSize} arasında bir sayı olmalıdır.", errors);
        if (errors.Count > 0)
        {
            return SupportApiResults.Validation(context, errors);
        }

        var filter = new SupportTicketFilter
        {
            Status = status,
            Subject = Text("subject"),
            AssignedTo = assignedTo,
            CreatedFrom = from,
            CreatedBefore = before,
            Search = Text("search"),
        };
        var result = await queries.ListAsync(StaffOnlyFilter.Staff(context), filter, (page - 1) * pageSize, pageSize, context.RequestAborted);
        var lastPage = Math.Max(1, (int)Math.Ceiling(result.Total / (double)pageSize));
        if (page > lastPage)
        {
            // DRF's paginator: a page past the end is a missing resource, not a bad request.
            return SupportApiResults.Detail(context, StatusCodes.Status404NotFound, InvalidPage);
        }

        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["count"] = result.Total,
            ["next"] = page < lastPage ? PageUrl(context, page + 1) : null,
            ["previous"] = page > 1 ? PageUrl(context, page - 1) : null,
            ["results"] = result.Items.Select(t => SupportTicketJson.From(t, context)).ToList(),
        });
    }

    /// <summary>GET /{id}/ (the support form API's retrieve): the list serializer's shape; 404 outside the caller's departments.</summary>
    private static async Task<Results<JsonHttpResult<Dictionary<string, object?>>, SupportProblem>> GetAsync(int id, HttpContext context, SupportTicketQueries queries) =>
        await queries.FindAsync(StaffOnlyFilter.Staff(context), id, context.RequestAborted) is { } ticket
            ? TypedResults.Json(SupportTicketJson.From(ticket, context))
            : SupportApiResults.NotFound(context);

    /// <summary>
    /// The start of every write to one ticket: 404 outside the caller's departments before the body is
    /// read (the document's get_object() comes first), then the body.
    /// </summary>
    private static async Task<(SupportApiBody? Body, SupportProblem? Problem)> ReadWriteRequestAsync(
        int id, StaffMember staff, HttpContext context, SupportTicketQueries queries) =>
        await queries.FindAsync(staff, id, context.RequestAborted) is null
            ? (null, SupportApiResults.NotFound(context))
            : await SupportApiBody.ReadAsync(context, allowFiles: false);

    /// <summary>PATCH /{id}/update_status/: {"status": "in_progress"}; 400 {"status":"error","message":"Geçersiz durum"} for an unknown status.</summary>
    private static async Task<Results<JsonHttpResult<Dictionary<string, object?>>, SupportProblem>> UpdateStatusAsync(
        int id, HttpContext context, TicketService tickets, SupportTicketQueries queries)
    {
        var staff = StaffOnlyFilter.Staff(context);
        var (body, problem) = await ReadWriteRequestAsync(id, staff, context, queries);
        if (body is null)
        {
            return problem!;
        }

        if (TicketLifecycle.FromSupportForm(body["status"]) is not { } status)
        {
            return SupportApiResults.ActionError(context, StatusCodes.Status400BadRequest, InvalidStatus);
        }

        try
        {
            await tickets.ChangeStatusAsync(id, status, Actor.Staff(staff), context.RequestAborted);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return Refused(context, ex, Shape.Action);
        }

        return await ActionSuccessAsync(context, queries, staff, id, StatusChangedMessage);
    }

    /// <summary>
    /// PATCH /{id}/assign/: {"assigned_to": 5}, or null/empty to unassign. Only active staff who work
    /// in the ticket's department can take it; 404 {"status":"error","message":"Kullanıcı bulunamadı"}
    /// for an unknown or non-staff user.
    /// </summary>
    private static async Task<Results<JsonHttpResult<Dictionary<string, object?>>, SupportProblem>> AssignAsync(
        int id, HttpContext context, TicketService tickets, SupportTicketQueries queries)
    {
        var staff = StaffOnlyFilter.Staff(context);
        var (body, problem) = await ReadWriteRequestAsync(id, staff, context, queries);
        if (body is null)
        {
            return problem!;
        }

        int? assigneeId = null;
        if (body.NotText.Contains("assigned_to"))
        {
            return SupportApiResults.ActionError(context, StatusCodes.Status400BadRequest, "assigned_to bir kullanıcı numarası olmalıdır.");
        }

        if (body["assigned_to"] is { Length: > 0 } raw)
        {
            if (!int.TryParse(raw, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var userId))
            {
                return SupportApiResults.ActionError(context, StatusCodes.Status400BadRequest, "assigned_to bir kullanıcı numarası olmalıdır.");
            }

            assigneeId = userId;
        }

        try
        {
            await tickets.AssignAsync(id, assigneeId, Actor.Staff(staff), context.RequestAborted);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return Refused(context, ex, Shape.Action);
        }

        return await ActionSuccessAsync(context, queries, staff, id, AssignedMessage);
    }

    /// <summary>
    /// PUT and PATCH /{id}/ — the support form document's ModelViewSet update and partial_update, which its
    /// get_permissions keeps for IsAdminUser: admins only (agents 403). They change what the list
    /// serializer lets an admin write — name, email, phone, subject, message, status, assigned_to —
    /// with the create serializer's messages; read-only fields are ignored as DRF ignores them. PUT
    /// needs every required field, PATCH only the ones it sends.
    /// </summary>
    private static async Task<Results<JsonHttpResult<Dictionary<string, object?>>, SupportProblem>> ChangeAsync(
        int id, bool partial, HttpContext context, TicketService tickets, SupportTicketQueries queries, SupportRequestService support)
    {
        var staff = StaffOnlyFilter.Staff(context);
        if (!staff.IsAdmin)
        {
            return SupportApiResults.Detail(context, StatusCodes.Status403Forbidden, AdminOnly);
        }

        var (body, problem) = await ReadWriteRequestAsync(id, staff, context, queries);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in TextFields.Where(body.NotText.Contains))
        {
            errors[field] = ["Geçerli bir metin girin."];
        }

        // PATCH checks only what it sends. The create validator checks whole requests, so fields not
        // sent are stood in for by values it accepts, and their cleaned values are not used.
        var subjects = await support.SubjectsAsync(context.RequestAborted);
        bool Sent(string field) => !partial || body.Has(field);
        var validation = await SupportRequestValidator.ValidateAsync(new SupportRequest
        {
            Name = Sent(SupportRequestValidator.Name) ? body[SupportRequestValidator.Name] : "Ad Soyad",
            Email = Sent(SupportRequestValidator.Email) ? body[SupportRequestValidator.Email] : "yer.tutucu@example.com",
            Phone = Sent(SupportRequestValidator.Phone) ? body[SupportRequestValidator.Phone] : null,
            Subject = Sent(SupportRequestValidator.Subject) ? body[SupportRequestValidator.Subject] : subjects.FirstOrDefault(),
            Message = Sent(SupportRequestValidator.Message) ? body[SupportRequestValidator.Message] : "Yer tutucu mesaj metni.",
        }, subjects, context.RequestAborted);
        foreach (var (field, messages) in validation.Errors.Where(e => !errors.ContainsKey(e.Key)))
        {
            errors[field] = messages;
        }

        TicketStatus? status = null;
        if (body.Has("status"))
        {
            status = body.NotText.Contains("status") ? null : TicketLifecycle.FromSupportForm(body["status"]);
            if (status is null)
            {
                errors["status"] = [$"\"{body["status"]}\" geçerli bir seçim değil."];
            }
        }

        int? assigneeId = null;
        var assign = body.Has("assigned_to");
        if (assign && (body.NotText.Contains("assigned_to") || (body["assigned_to"] is { Length: > 0 } raw
            && !int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out _))))
        {
            errors["assigned_to"] = ["Hatalı tip. Pk değeri beklendi."];
        }
        else if (assign && body["assigned_to"] is { Length: > 0 } pk)
        {
            assigneeId = int.Parse(pk, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (errors.Count > 0)
        {
            return SupportApiResults.Validation(context, errors);
        }

        var clean = validation.Request!;
        var categoryId = Sent(SupportRequestValidator.Subject) ? await support.CategoryIdAsync(clean.Subject, context.RequestAborted) : null;
        var correction = new TicketCorrection
        {
            RequesterName = Sent(SupportRequestValidator.Name) ? clean.Name : null,
            RequesterEmail = Sent(SupportRequestValidator.Email) ? clean.Email : null,
            RequesterPhone = Sent(SupportRequestValidator.Phone) ? clean.Phone : null,
            ClearPhone = Sent(SupportRequestValidator.Phone) && clean.Phone is null,
            Title = Sent(SupportRequestValidator.Subject) ? clean.Subject : null,
            Description = Sent(SupportRequestValidator.Message) ? clean.Message : null,
            CategoryId = categoryId,
            Status = status,
            ChangeAssignee = assign,
            AssigneeId = assigneeId,
        };
        try
        {
            await tickets.CorrectAsync(id, correction, Actor.Staff(staff), context.RequestAborted);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return Refused(context, ex, Shape.Serializer);
        }

        return await GetAsync(id, context, queries);
    }

    /// <summary>DELETE /{id}/ — the support form document's destroy, admins only: removes the ticket and its files (204).</summary>
    private static async Task<Results<NoContent, SupportProblem>> DeleteAsync(int id, HttpContext context, TicketService tickets)
    {
        var staff = StaffOnlyFilter.Staff(context);
        if (!staff.IsAdmin)
        {
            return SupportApiResults.Detail(context, StatusCodes.Status403Forbidden, AdminOnly);
        }

        try
        {
            await tickets.DeleteAsync(id, Actor.Staff(staff), context.RequestAborted);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return Refused(context, ex, Shape.Serializer);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The support form document's action answer: {"status": "success", "message": "...", "data": {ticket}}.</summary>
    private static async Task<Results<JsonHttpResult<Dictionary<string, object?>>, SupportProblem>> ActionSuccessAsync(
        HttpContext context, SupportTicketQueries queries, StaffMember staff, int ticketId, string message)
    {
        var ticket = await queries.FindAsync(staff, ticketId, context.RequestAborted);
        return ticket is null
            ? SupportApiResults.NotFound(context)
            : TypedResults.Json(new Dictionary<string, object?>
            {
                ["status"] = "success",
                ["message"] = message,
                ["data"] = SupportTicketJson.From(ticket, context),
            });
    }

    private static bool IsRefusal(Exception exception) =>
        exception is TicketNotFoundException or StaffNotFoundException or TicketRuleException;

    /// <summary>The one place TicketService's refusals become this API's answers, in the shape the seed gives the endpoint.</summary>
    private static SupportProblem Refused(HttpContext context, Exception refusal, Shape shape) => refusal switch
    {
        TicketNotFoundException => SupportApiResults.NotFound(context),
        StaffNotFoundException ex => shape == Shape.Action
            ? SupportApiResults.ActionError(context, StatusCodes.Status404NotFound, UserNotFound)
            : SupportApiResults.Validation(context, "assigned_to", $"Geçersiz pk \"{ex.UserId}\" - obje mevcut değil."),
        TicketRuleException ex => shape == Shape.Action
            ? SupportApiResults.ActionError(context, StatusCodes.Status400BadRequest, ex.Message)
            : SupportApiResults.Validation(context, "non_field_errors", ex.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Not a TicketService refusal."),
    };

    public static IncomingFile ToIncoming(IFormFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new IncomingFile(file.FileName, file.ContentType ?? "", file.Length, file.OpenReadStream);
    }

    /// <summary>The signed-in customer's user id; staff and anonymous visitors open unlinked tickets.</summary>
    public static int? CustomerId(HttpContext context, IdentityOptionsAccessor identity)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(identity);
        var user = context.User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Customer) ? identity.UserIdOf(user) : null;
    }

    /// <summary>A date (YYYY-MM-DD, the whole day in UTC) or an ISO date-time; null when absent.</summary>
    private static DateTime? ParseDate(string? value, bool endOfDay, string field, Dictionary<string, IReadOnlyList<string>> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment))
        {
            // lte on an exact moment includes it.
            return endOfDay ? moment.AddTicks(1) : moment;
        }

        errors[field] = ["Geçerli bir tarih ya da tarih/saat girin (YYYY-MM-DD veya ISO-8601)."];
        return null;
    }

    private static int ParsePositive(string? value, int fallback, int max, string field, string message, Dictionary<string, IReadOnlyList<string>> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
        {
            return n;
        }

        errors[field] = [message];
        return fallback;
    }

    private static string PageUrl(HttpContext context, int page)
    {
        var request = context.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder(query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { "page", page.ToString(CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, builder.ToQueryString());
    }
}

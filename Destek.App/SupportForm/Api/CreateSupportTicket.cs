using Destek.App.Account;
using Destek.App.Platform;
using Destek.Core.Identity;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// POST /api/support/tickets/ (seed-002 create): anonymous, multipart, form-urlencoded or JSON.
/// 201 with the seed's body; 400 naming each bad field; 429 past the per-IP budget. A signed-in
/// customer's ticket is linked to their account (the session cookie is SameSite=Lax, so another
/// site cannot post in their name).
/// </summary>
public static class CreateSupportTicket
{
    public const string SuccessMessage = "Destek talebiniz başarıyla oluşturuldu";

    private static readonly string[] TextFields =
        [SupportRequestValidator.Name, SupportRequestValidator.Email, SupportRequestValidator.Phone, SupportRequestValidator.Subject, SupportRequestValidator.Message];

    public static RouteGroupBuilder MapCreateSupportTicket(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/", HandleAsync).AllowAnonymous()
            .AddEndpointFilter(async (invocation, next) =>
            {
                var http = invocation.HttpContext;
                var rateLimit = http.RequestServices.GetRequiredService<SupportFormRateLimit>();
                return rateLimit.TryAcquire(http) is int wait
                    ? SupportApiResults.Detail(http, StatusCodes.Status429TooManyRequests, $"İstek kısıtlandı. {wait} saniye içinde tekrar deneyin.")
                    : await next(invocation);
            })
            .WithIdempotencyKeys(IdempotencyScope);
        return group;
    }

    /// <summary>
    /// Creation is anonymous, so the caller is who the rate limit counts: a signed-in user by id,
    /// anyone else by client IP. Keys from two visitors therefore never meet, and a stored answer
    /// (with its ticket number) only goes back to the address that made it.
    /// </summary>
    private static string IdempotencyScope(HttpContext context)
    {
        var identity = context.RequestServices.GetRequiredService<IdentityOptionsAccessor>();
        return identity.UserIdOf(context.User) is int userId
            ? "user:" + userId
            : "ip:" + context.RequestServices.GetRequiredService<ClientAddress>().Of(context);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, SupportRequestService support, IdentityOptionsAccessor identity)
    {
        var (body, error) = await SupportApiBody.ReadAsync(context, allowFiles: true);
        if (body is null)
        {
            return error!;
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

        try
        {
            var submission = await support.SubmitAsync(request, CustomerId(context, identity), context.RequestAborted);
            if (submission.Ticket is not { } ticket)
            {
                return SupportApiResults.Validation(context, submission.Errors);
            }

            return Results.Json(new Dictionary<string, object?>
            {
                ["status"] = "success",
                ["message"] = SuccessMessage,
                ["data"] = new Dictionary<string, object?>
                {
                    // seed-002 answers the number in ticket_id too.
                    ["ticket_id"] = ticket.Number,
                    ["ticket_number"] = ticket.Number,
                    ["created_at"] = SupportApiResults.Timestamp(ticket.CreatedAt),
                    ["estimated_response_time"] = SupportRequestService.EstimatedResponseTime,
                },
            }, statusCode: StatusCodes.Status201Created);
        }
        catch (TicketRuleException ex)
        {
            return SupportApiResults.Validation(context, "non_field_errors", ex.Message);
        }
    }

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
}

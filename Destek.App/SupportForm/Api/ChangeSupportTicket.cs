using System.Globalization;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// PUT, PATCH and DELETE /api/support/tickets/{id}/ — seed-002's ModelViewSet update,
/// partial_update and destroy, which its get_permissions keeps for IsAdminUser: admins only
/// (agents 403, anonymous 401). PUT and PATCH change what the list serializer lets an admin write
/// — name, email, phone, subject, message, status, assigned_to — with the create serializer's
/// messages; read-only fields are ignored as DRF ignores them. PUT needs every required field,
/// PATCH only the ones it sends. DELETE removes the ticket and its files (204).
/// </summary>
public static class ChangeSupportTicket
{
    public const string AdminOnly = "Bu işlemi yapmak için izniniz bulunmamaktadır.";

    private static readonly string[] TextFields =
        [SupportRequestValidator.Name, SupportRequestValidator.Email, SupportRequestValidator.Phone, SupportRequestValidator.Subject, SupportRequestValidator.Message];

    public static RouteGroupBuilder MapChangeSupportTicket(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPut("/{id:int}/", (int id, HttpContext context, TicketService tickets, SupportTicketQueries queries, SupportRequestService support) =>
            UpdateAsync(id, partial: false, context, tickets, queries, support));
        group.MapPatch("/{id:int}/", (int id, HttpContext context, TicketService tickets, SupportTicketQueries queries, SupportRequestService support) =>
            UpdateAsync(id, partial: true, context, tickets, queries, support));
        group.MapDelete("/{id:int}/", DeleteAsync);
        return group;
    }

    private static async Task<IResult> UpdateAsync(int id, bool partial, HttpContext context, TicketService tickets, SupportTicketQueries queries, SupportRequestService support)
    {
        var staff = StaffOnlyFilter.Staff(context);
        if (!staff.IsAdmin)
        {
            return SupportApiResults.Detail(context, StatusCodes.Status403Forbidden, AdminOnly);
        }

        if (await queries.FindAsync(staff, id, context.RequestAborted) is null)
        {
            return SupportApiResults.NotFound(context);
        }

        var (body, error) = await SupportApiBody.ReadAsync(context, allowFiles: false);
        if (body is null)
        {
            return error!;
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
        catch (StaffNotFoundException ex)
        {
            return SupportApiResults.Validation(context, "assigned_to", $"Geçersiz pk \"{ex.UserId}\" - obje mevcut değil.");
        }
        catch (TicketNotFoundException)
        {
            return SupportApiResults.NotFound(context);
        }
        catch (TicketRuleException ex)
        {
            return SupportApiResults.Validation(context, "non_field_errors", ex.Message);
        }

        return await queries.FindAsync(staff, id, context.RequestAborted) is { } ticket
            ? Results.Json(SupportTicketJson.From(ticket, context))
            : SupportApiResults.NotFound(context);
    }

    private static async Task<IResult> DeleteAsync(int id, HttpContext context, TicketService tickets)
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
        catch (TicketNotFoundException)
        {
            return SupportApiResults.NotFound(context);
        }

        return Results.NoContent();
    }
}

using System.Globalization;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// PATCH /api/support/tickets/{id}/assign/ (seed-002, staff only): {"assigned_to": 5}, or null/empty
/// to unassign. Through TicketService.AssignAsync like the desk: only active staff who work in the
/// ticket's department can take it. 404 {"status":"error","message":"Kullanıcı bulunamadı"} for an
/// unknown or non-staff user.
/// </summary>
public static class AssignSupportTicket
{
    public const string SuccessMessage = "Ticket atandı";
    public const string UserNotFound = "Kullanıcı bulunamadı";

    public static RouteGroupBuilder MapAssignSupportTicket(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPatch("/{id:int}/assign/", HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(int id, HttpContext context, TicketService tickets, SupportTicketQueries queries)
    {
        var staff = StaffOnlyFilter.Staff(context);
        if (await queries.FindAsync(staff, id, context.RequestAborted) is null)
        {
            return SupportApiResults.NotFound(context);
        }

        var (body, error) = await SupportApiBody.ReadAsync(context, allowFiles: false);
        if (body is null)
        {
            return error!;
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
        catch (StaffNotFoundException)
        {
            return SupportApiResults.ActionError(context, StatusCodes.Status404NotFound, UserNotFound);
        }
        catch (TicketNotFoundException)
        {
            return SupportApiResults.NotFound(context);
        }
        catch (TicketRuleException ex)
        {
            return SupportApiResults.ActionError(context, StatusCodes.Status400BadRequest, ex.Message);
        }

        return await SupportActionResult.SuccessAsync(context, queries, staff, id, SuccessMessage);
    }
}

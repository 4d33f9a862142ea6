using Destek.Core.SupportForm;
using Destek.Core.Tickets;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// PATCH /api/support/tickets/{id}/update_status/ (seed-002, staff only): {"status": "in_progress"}.
/// Goes through TicketService.ChangeStatusAsync like the desk, so history, events and the agent's
/// department limits apply. 400 {"status":"error","message":"Geçersiz durum"} for an unknown status.
/// </summary>
public static class UpdateSupportTicketStatus
{
    public const string SuccessMessage = "Ticket durumu güncellendi";
    public const string InvalidStatus = "Geçersiz durum";

    public static RouteGroupBuilder MapUpdateSupportTicketStatus(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPatch("/{id:int}/update_status/", HandleAsync);
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

        if (TicketLifecycle.FromSupportForm(body["status"]) is not { } status)
        {
            return SupportApiResults.ActionError(context, StatusCodes.Status400BadRequest, InvalidStatus);
        }

        try
        {
            await tickets.ChangeStatusAsync(id, status, Actor.Staff(staff), context.RequestAborted);
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

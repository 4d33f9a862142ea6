using Destek.Core.SupportForm;
using Destek.Core.Tickets;

namespace Destek.App.SupportForm.Api;

/// <summary>seed-002's action answer: {"status": "success", "message": "...", "data": {ticket}}.</summary>
public static class SupportActionResult
{
    public static async Task<IResult> SuccessAsync(HttpContext context, SupportTicketQueries queries, StaffMember staff, int ticketId, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queries);
        var ticket = await queries.FindAsync(staff, ticketId, context.RequestAborted);
        return ticket is null
            ? SupportApiResults.NotFound(context)
            : Results.Json(new Dictionary<string, object?>
            {
                ["status"] = "success",
                ["message"] = message,
                ["data"] = SupportTicketJson.From(ticket, context),
            });
    }
}

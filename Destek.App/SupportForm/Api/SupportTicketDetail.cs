using Destek.Core.SupportForm;

namespace Destek.App.SupportForm.Api;

/// <summary>GET /api/support/tickets/{id}/ (seed-002 retrieve, staff only): the list serializer's shape; 404 outside the caller's departments.</summary>
public static class SupportTicketDetail
{
    public static RouteGroupBuilder MapSupportTicketDetail(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{id:int}/", async (int id, HttpContext context, SupportTicketQueries queries) =>
            await queries.FindAsync(StaffOnlyFilter.Staff(context), id, context.RequestAborted) is { } ticket
                ? Results.Json(SupportTicketJson.From(ticket, context))
                : SupportApiResults.NotFound(context));
        return group;
    }
}

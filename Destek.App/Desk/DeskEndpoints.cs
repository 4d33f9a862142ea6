using System.Security.Claims;
using Destek.App.Account;
using Destek.Core.Organization;
using Destek.Core.Tickets;

namespace Destek.App.Desk;

public static class DeskEndpoints
{
    /// <summary>Attachment downloads for staff; always as a download, never rendered inline.</summary>
    public static IEndpointRouteBuilder MapDeskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/masa/ekler/{id:int}", async (int id, ClaimsPrincipal user, IdentityOptionsAccessor identity, StaffDirectory directory,
            TicketQueries queries, AttachmentStore store, CancellationToken cancellationToken) =>
        {
            var staff = await directory.FindAsync(user, identity, cancellationToken);
            if (staff is null)
            {
                return Results.Forbid();
            }

            var attachment = await queries.AttachmentAsync(staff, id, cancellationToken);
            return attachment is null
                ? Results.NotFound()
                : Results.Stream(store.OpenRead(attachment), attachment.ContentType, attachment.FileName);
        }).RequireAuthorization(DestekWebExtensions.StaffPolicy);
        endpoints.MapTicketInvoicePdf();
        Panel.PanelEndpoints.MapPanelCsv(endpoints);
        return endpoints;
    }
}

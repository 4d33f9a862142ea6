using System.Security.Claims;
using Destek.App.Account;
using Destek.Core.Invoices;
using Destek.Core.Organization;
using Destek.Core.Tickets;

namespace Destek.App.Desk;

public static class InvoicePdfEndpoint
{
    /// <summary>
    /// An invoice's PDF for staff, reached through a ticket: the agent must see the ticket (its
    /// department), and the ticket must name the invoice. Anything else, or a PDF not on disk, is 404.
    /// </summary>
    public static IEndpointRouteBuilder MapTicketInvoicePdf(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/masa/talepler/{ticketId:int}/faturalar/{invoiceId:int}/pdf", async (int ticketId, int invoiceId, ClaimsPrincipal user,
            IdentityOptionsAccessor identity, StaffDirectory directory, TicketQueries tickets, TicketInvoiceLookup invoices, InvoicePdfStore pdfs,
            CancellationToken cancellationToken) =>
        {
            var staff = await directory.FindAsync(user, identity, cancellationToken);
            if (staff is null)
            {
                return Results.Forbid();
            }

            var ticket = await tickets.DetailAsync(staff, ticketId, cancellationToken);
            var invoice = ticket is null ? null : (await invoices.ForTicketAsync(ticket, cancellationToken)).Invoices.FirstOrDefault(i => i.Id == invoiceId);
            var stream = invoice is { HasPdf: true } ? pdfs.OpenRead(invoice.Ettn) : null;
            return stream is null ? Results.NotFound() : Results.Stream(stream, "application/pdf", invoice!.Number + ".pdf");
        }).RequireAuthorization(DestekWebExtensions.StaffPolicy);
        return endpoints;
    }
}

using System.Security.Claims;
using Destek.App.Account;
using Destek.Core.Customers;
using Destek.Core.Tickets;

namespace Destek.App.Portal;

/// <summary>The customer portal (/portal): its services and the attachment downloads. Program.cs calls both.</summary>
public static class PortalExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<PortalData>();
        return builder;
    }

    /// <summary>Downloads for the customer who owns the ticket; another customer's file, or a note's, is 404 like an unknown one.</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/portal/ekler/{id:guid}", async (Guid id, ClaimsPrincipal user, IdentityOptionsAccessor identity, CustomerDirectory customers,
            PortalData data, AttachmentStore store, CancellationToken cancellationToken) =>
        {
            var customer = identity.UserIdOf(user) is int userId ? await customers.FindAsync(userId, cancellationToken) : null;
            var attachment = customer is null ? null : await data.AttachmentAsync(customer.UserId, id, cancellationToken);
            return attachment is null
                ? Results.NotFound()
                : Results.Stream(store.OpenRead(attachment), attachment.ContentType, attachment.FileName);
        }).RequireAuthorization();
        return app;
    }
}

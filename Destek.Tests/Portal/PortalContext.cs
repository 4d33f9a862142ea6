using System.Globalization;
using System.Security.Claims;
using Bunit;
using Destek.App.Account;
using Destek.App.Portal;
using Destek.Core.Access;
using Destek.Core.Customers;
using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Account;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Destek.Tests.Portal;

/// <summary>
/// A portal page rendered by bUnit as a signed-in customer (a fresh confirmed account), on the real Core
/// services and the real SQLite database of one <see cref="DestekAppFactory"/>; the renderer reports
/// itself interactive, as a live circuit does.
/// </summary>
public sealed class PortalContext : BunitContext
{
    private PortalContext(DestekAppFactory app, CustomerAccount customer, string role)
    {
        App = app;
        Customer = customer;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        foreach (var type in new[]
        {
            typeof(CustomerDirectory), typeof(CustomerTicketQueries), typeof(CustomerTicketService), typeof(PortalData), typeof(ITicketChangeNotifier),
            typeof(PersonalAccessTokenAdmin), typeof(TimeProvider), typeof(IOptions<IdentityOptions>),
        })
        {
            Services.AddSingleton(type, app.Services.GetRequiredService(type));
        }

        Services.AddSingleton(app.Services.GetRequiredService<Destek.Core.Satisfaction.SatisfactionService>());
        Services.AddSingleton<IdentityOptionsAccessor>();
        var auth = AddAuthorization();
        auth.SetAuthorized(customer.Email);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, customer.UserId.ToString(CultureInfo.InvariantCulture)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public DestekAppFactory App { get; }

    public CustomerAccount Customer { get; }

    public CustomerTicketService CustomerTickets => App.Services.GetRequiredService<CustomerTicketService>();

    public TicketService Tickets => App.Services.GetRequiredService<TicketService>();

    /// <summary>A new confirmed customer account, signed in.</summary>
    public static async Task<PortalContext> CustomerAsync(DestekAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (id, _) = await AccountKit.NewUserAsync(app, Roles.Customer);
        var customer = await app.Services.GetRequiredService<CustomerDirectory>().FindAsync(id)
            ?? throw new InvalidOperationException("The new account is not a customer");
        return new PortalContext(app, customer, Roles.Customer);
    }

    /// <summary>A demo staff member signed in, to see the portal turn them away.</summary>
    public static async Task<PortalContext> StaffAsync(DestekAppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.PublicId, u.FullName }).SingleAsync());
        return new PortalContext(app, new CustomerAccount(user.Id, user.PublicId, user.FullName, email), Roles.Admin);
    }

    public IRenderedComponent<T> RenderAt<T>(string relativeUri, Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);
        return parameters is null ? Render<T>() : Render<T>(parameters);
    }

    public string Address
    {
        get
        {
            var navigation = Services.GetRequiredService<NavigationManager>();
            return Uri.UnescapeDataString(navigation.ToBaseRelativePath(navigation.Uri));
        }
    }

    /// <summary>A ticket of this customer, opened as the portal and the API open one.</summary>
    public async Task<CustomerTicketSummary> NewTicketAsync(string subject, string category = "teknik_sorun", TicketPriority priority = TicketPriority.Medium)
    {
        var created = await CustomerTickets.CreateAsync(Customer, new CustomerTicketRequest
        {
            Subject = subject,
            CategorySlug = category,
            Priority = priority,
            Message = "Sorunun ayrıntıları burada.",
        });
        return created.Value ?? throw new InvalidOperationException(created.Refusal!.Message);
    }

    public Task<int> TicketIdAsync(Guid publicId) => App.WithDbAsync(db => db.Tickets.Where(t => t.PublicId == publicId).Select(t => t.Id).SingleAsync());

    /// <summary>The demo admin as an actor of the desk.</summary>
    public async Task<Actor> AdminAsync()
    {
        var id = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@destek.local").Select(u => u.Id).SingleAsync());
        return Actor.Staff((await App.Services.GetRequiredService<StaffDirectory>().FindAsync(id))!);
    }
}

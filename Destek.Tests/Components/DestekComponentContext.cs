using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Destek.App.Account;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Destek.Tests.Components;

/// <summary>
/// A bUnit context for the app's interactive components: MudBlazor's services with loose JS interop,
/// a live (interactive) renderer, a signed-in demo user, and the app's real Core services over the
/// real SQLite database of a <see cref="DestekAppFactory"/>. Create one per test with <see cref="CreateAsync"/>.
/// </summary>
public sealed class DestekComponentContext : BunitContext
{
    private DestekComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>The signed-in staff member, as the Core services see them.</summary>
    public StaffMember Staff { get; private set; } = null!;

    public static async Task<DestekComponentContext> CreateAsync(DestekAppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var core = app.Services;
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var staff = await core.GetRequiredService<StaffDirectory>().FindAsync(userId)
            ?? throw new InvalidOperationException($"{email} is not a staff member");

        var context = new DestekComponentContext { Staff = staff };
        context.Services.AddSingleton(core.GetRequiredService<IDbContextFactory<DestekDbContext>>());
        context.Services.AddSingleton(core.GetRequiredService<TimeProvider>());
        context.Services.AddSingleton(core.GetRequiredService<TicketQueries>());
        context.Services.AddSingleton(core.GetRequiredService<Destek.Core.Search.TicketSearch>());
        context.Services.AddSingleton(core.GetRequiredService<Destek.Core.Panel.PanelQueries>());
        context.Services.AddSingleton(core.GetRequiredService<TicketService>());
        context.Services.AddSingleton(core.GetRequiredService<Destek.Core.Invoices.TicketInvoiceLookup>());
        context.Services.AddSingleton(core.GetRequiredService<StaffDirectory>());
        context.Services.AddSingleton(core.GetRequiredService<ITicketChangeNotifier>());
        context.Services.AddSingleton(core.GetRequiredService<Destek.App.Desk.Presence.DeskPresence>());
        context.Services.AddSingleton(core.GetRequiredService<IdentityOptionsAccessor>());
        context.Services.AddScoped<CurrentStaff>();
        context.Services.AddSingleton(core.GetRequiredService<AssignmentAdmin>());
        context.Services.AddSingleton(core.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlaOptions>>());

        var auth = context.AddAuthorization();
        auth.SetAuthorized(staff.Name);
        auth.SetClaims(
            new Claim(core.GetRequiredService<IdentityOptionsAccessor>().UserIdClaimType, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Email, email));
        // Last: it starts the renderer, after which no service can be added.
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    /// <summary>Opens a page's address first, so the component reads its query string as a browser would.</summary>
    public IRenderedComponent<T> RenderAt<T>(string relativeUri) where T : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);
        return Render<T>();
    }

    /// <summary>The address the page is at now, relative to the base.</summary>
    public string Address
    {
        get
        {
            var navigation = Services.GetRequiredService<NavigationManager>();
            return Uri.UnescapeDataString(navigation.ToBaseRelativePath(navigation.Uri));
        }
    }
}

/// <summary>Finding elements as a person (or a screen reader) does: by their label and role.</summary>
public static class Find
{
    /// <summary>The form control whose visible &lt;label&gt; (joined by for/id) or aria-label is exactly <paramref name="label"/>.</summary>
    public static IElement ByLabel<T>(IRenderedComponent<T> cut, string label) where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        return ByLabel(cut.Nodes, label);
    }

    private static IElement ByLabel(INodeList nodes, string label)
    {
        var elements = nodes.OfType<IElement>().SelectMany(e => e.QuerySelectorAll("*").Prepend(e)).ToList();
        var forId = elements.Where(e => e.LocalName == "label" && e.TextContent.Trim() == label)
            .Select(e => e.GetAttribute("for")).FirstOrDefault(id => !string.IsNullOrEmpty(id));
        var found = forId is not null
            ? elements.FirstOrDefault(e => e.Id == forId)
            : elements.FirstOrDefault(e => e.GetAttribute("aria-label") == label);
        return found ?? throw new Xunit.Sdk.XunitException($"No control labelled «{label}»");
    }

    /// <summary>The button whose accessible name (text or aria-label) is exactly <paramref name="name"/>.</summary>
    public static IElement Button<T>(IRenderedComponent<T> cut, string name) where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        return cut.FindAll("button").FirstOrDefault(b => b.GetAttribute("aria-label") == name || (b.GetAttribute("aria-label") is null && b.TextContent.Trim() == name))
            ?? throw new Xunit.Sdk.XunitException($"No button named «{name}»");
    }

    /// <summary>Picks the option shown as <paramref name="option"/> in the native &lt;select&gt; labelled <paramref name="label"/>, as a person choosing it does.</summary>
    public static async Task SelectAsync<T>(IRenderedComponent<T> cut, string label, string option) where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        var select = ByLabel(cut, label);
        var value = select.QuerySelectorAll("option").FirstOrDefault(o => o.TextContent.Trim() == option)?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException($"No option «{option}» in «{label}»");
        await cut.InvokeAsync(() => select.Change(value));
    }

    /// <summary>The text of the option the native &lt;select&gt; labelled <paramref name="label"/> shows.</summary>
    public static string Chosen<T>(IRenderedComponent<T> cut, string label) where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        var select = ByLabel(cut, label);
        var options = select.QuerySelectorAll("option");
        var chosen = select.GetAttribute("value") is { } value
            ? options.FirstOrDefault(o => o.GetAttribute("value") == value)
            : options.FirstOrDefault(o => o.HasAttribute("selected")) ?? options.FirstOrDefault();
        return chosen?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"«{label}» shows no option");
    }

    /// <summary>Picks an option of the MudSelect labelled <paramref name="label"/> by clicking it in the open list.</summary>
    public static async Task ChooseAsync<TComponent, TValue>(IRenderedComponent<TComponent> cut, string label, string option) where TComponent : class, IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        var select = cut.FindComponents<MudSelect<TValue>>().FirstOrDefault(s => s.Instance.Label == label)
            ?? throw new Xunit.Sdk.XunitException($"No select labelled «{label}»");
        await cut.InvokeAsync(select.Instance.OpenMenu);
        var item = cut.WaitForElements(".mud-popover-open .mud-list-item")
            .FirstOrDefault(e => e.TextContent.Trim() == option)
            ?? throw new Xunit.Sdk.XunitException($"No option «{option}» in «{label}»");
        await item.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
    }
}

using AngleSharp.Dom;
using Bunit;
using Destek.Core.Data;
using Destek.Core.ExternalApi;
using Destek.Core.Mail;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Destek.Tests.Components;

/// <summary>
/// bUnit for the settings screens: MudBlazor with loose JS interop, a signed-in admin, an interactive
/// renderer (the pages keep their controls disabled until they are), and the app's real Core services
/// over the SQLite database of the given factory.
/// </summary>
public sealed class SettingsContext : BunitContext
{
    public SettingsContext(DestekAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        AddAuthorization().SetAuthorized(DemoSeeder.AdminEmail).SetRoles("Admin");
        Services.AddSingleton(app.Services.GetRequiredService<ApiClientAdmin>());
        Services.AddSingleton(app.Services.GetRequiredService<WebhookAdmin>());
        Services.AddSingleton(app.Services.GetRequiredService<WebhookDispatcher>());
        Services.AddSingleton(app.Services.GetRequiredService<TicketQueries>());
        Services.AddSingleton(app.Services.GetRequiredService<OrganizationAdmin>());
        Services.AddSingleton(app.Services.GetRequiredService<MailOutboxProcessor>());

        // Last: it starts the renderer, after which no service can be added.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }
}

/// <summary>Finding controls the way a person (and a screen reader) does: by their label and their name.</summary>
public static class SettingsQueries
{
    /// <summary>The input a visible &lt;label&gt; names through its for/id pair; fails when the label is not tied to an input.</summary>
    public static IElement InputLabelled<T>(this IRenderedComponent<T> cut, string label, string? within = null)
        where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        var scope = within is null ? cut.FindAll("label").AsEnumerable() : cut.Find(within).QuerySelectorAll("label");
        var labels = scope.Where(l => l.TextContent.Trim().TrimEnd('*').Trim() == label).ToList();
        var element = Assert.Single(labels);
        var target = element.GetAttribute("for");
        if (!string.IsNullOrEmpty(target))
        {
            return cut.Find($"#{target}");
        }

        return element.QuerySelector("input") ?? throw new InvalidOperationException($"\"{label}\" etiketi bir girdiye bağlı değil.");
    }

    /// <summary>A button by its accessible name: aria-label when it has one, else its text.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string name, IElement? within = null)
        where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        var buttons = (within?.QuerySelectorAll("button") ?? cut.FindAll("button").AsEnumerable())
            .Where(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name).ToList();
        return Assert.Single(buttons);
    }

    public static IElement Dialog<T>(this IRenderedComponent<T> cut)
        where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        return Assert.Single(cut.FindAll("[role=dialog]"));
    }
}

using Bunit;
using Destek.App.Settings;
using Destek.Core.Invoices;
using Destek.Core.Webhooks;
using Destek.Tests.EInvoiceApi;
using Destek.Tests.ExternalApi;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Destek.Tests.Invoices;

/// <summary>Ayarlar › E-Fatura Webhook'ları: an organization's endpoints, added with the secret shown once, tested; refused without the module.</summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceWebhookSettingsScreen(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task AddsAnEndpointShowsTheSecretOnceAndTestsIt()
    {
        var org = await app.NewOrganizationAsync("Ekran Webhook A.Ş. " + Guid.NewGuid().ToString("N")[..6]);
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2099, 12, 31));
        await using var ctx = Context();
        var cut = ctx.Render<EInvoiceWebhookSettings>();
        var picker = cut.WaitForElement("#einvoice-org", Wait);
        await cut.InvokeAsync(() => picker.Change(org.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.Equal("E-fatura webhook modülü aktif.", cut.Find("[data-testid=webhook-module]").TextContent.Trim()), Wait);
        Assert.Equal("Organizasyon", cut.Find("label[for=einvoice-org]").TextContent);

        await cut.InvokeAsync(() => cut.Find("#einvoice-webhook-url").Change(_receiver.Url));
        await cut.InvokeAsync(() => cut.Find("section[aria-labelledby=new-einvoice-webhook] form").SubmitAsync());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=webhook-secret]")), Wait);
        var stored = await app.WithDbAsync(db => db.Set<WebhookSubscription>().AsNoTracking().SingleAsync(s => s.OrganizationId == org));
        Assert.Equal((WebhookKind.EInvoice, _receiver.Url), (stored.Kind, stored.Url));
        Assert.Equal([EInvoiceEvents.Wildcard], stored.Events);
        Assert.True(cut.Find("[data-testid=webhook-secret]").TextContent.Length >= 16);

        _receiver.Answer = _ => (204, "", null);
        // The endpoint list renders after the secret (a CI run under load found no row yet).
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"button[aria-label='{_receiver.Url} için Test Et']")), Wait);
        await cut.InvokeAsync(() => cut.Find($"button[aria-label='{_receiver.Url} için Test Et']").Click());
        cut.WaitForAssertion(() => Assert.Contains("Durum kodu: 204", cut.Find("section[aria-label='Test sonucu']").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("webhook.test", Assert.Single(_receiver.Received).Event);
        Assert.Contains("webhook.test", cut.Find("#einvoice-delivery-log").ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysTheModuleIsOffAndAddsNothing()
    {
        var org = await app.NewOrganizationAsync("Ekran Modülsüz A.Ş. " + Guid.NewGuid().ToString("N")[..6]);
        await using var ctx = Context();
        var cut = ctx.Render<EInvoiceWebhookSettings>();
        var picker = cut.WaitForElement("#einvoice-org", Wait);
        await cut.InvokeAsync(() => picker.Change(org.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.StartsWith("E-fatura webhook modülü kapalı", cut.Find("[data-testid=webhook-module]").TextContent.Trim(), StringComparison.Ordinal), Wait);
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Webhook ekle").HasAttribute("disabled"));

        // Even a form sent past the disabled button is refused by the engine, and said so.
        await cut.InvokeAsync(() => cut.Find("#einvoice-webhook-url").Change(_receiver.Url));
        await cut.InvokeAsync(() => cut.Find("section[aria-labelledby=new-einvoice-webhook] form").SubmitAsync());
        Assert.Empty(cut.FindAll("[data-testid=webhook-secret]"));
        Assert.Empty(await app.WithDbAsync(db => db.Set<WebhookSubscription>().Where(s => s.OrganizationId == org).ToListAsync()));
    }

    private BunitContext Context()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(app.Get<WebhookAdmin>());
        ctx.Services.AddSingleton(app.Get<WebhookDispatcher>());
        ctx.Services.AddSingleton(app.Get<InvoiceQueries>());
        ctx.Services.AddSingleton(app.Get<ModuleSwitches>());
        ctx.Services.AddSingleton(app.Get<TimeProvider>());
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }
}

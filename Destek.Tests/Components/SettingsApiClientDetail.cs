using Bunit;
using Destek.App.Settings;
using Destek.Core.Access;
using Destek.Core.ExternalApi;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Components;

/// <summary>Ayarlar → API Yönetimi → a client: its settings change after creation, and risky actions ask first.</summary>
[Trait("Category", "Integration")]
public sealed class SettingsApiClientDetail(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    [Fact]
    public async Task ChangesNameDepartmentsAndRateLimitAndSaysWhatChanged()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Eski ERP " + Suffix(), [], 60);
        var bilgiIslem = await DepartmentIdAsync("Bilgi İşlem");
        await using var ctx = new SettingsContext(app);
        var cut = ctx.Render<ApiClientDetail>(p => p.Add(c => c.Id, client.Id));
        Loaded(cut, client.Name);

        await cut.InvokeAsync(() => cut.InputLabelled("Uygulama adı").Change("Yeni ERP"));
        await cut.InvokeAsync(() => cut.InputLabelled("Bilgi İşlem").Change(true));
        await cut.InvokeAsync(() => cut.InputLabelled("Dakikalık istek limiti").Change("250"));
        await cut.InvokeAsync(() => cut.Find("section[aria-labelledby=edit-client] form").SubmitAsync());

        cut.WaitForAssertion(() => Assert.Contains("Yeni ERP güncellendi: ad \"Eski ERP", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("departmanlar Tümü → Bilgi İşlem; dakikalık limit 60 → 250.", cut.Markup, StringComparison.Ordinal);
        var stored = await app.Get<ApiClientAdmin>().GetAsync(client.Id);
        Assert.Equal("Yeni ERP", stored!.Name);
        Assert.Equal([bilgiIslem], stored.AllowedDepartmentIds);
        Assert.Equal(250, stored.RateLimitPerMinute);
        Assert.Equal("Bilgi İşlem", cut.Find("[data-testid=client-departments]").TextContent);
    }

    [Fact]
    public async Task RefusesAnEmptyNameAndKeepsTheOldSettings()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Boş Ad Testi " + Suffix(), [], 60);
        await using var ctx = new SettingsContext(app);
        var cut = ctx.Render<ApiClientDetail>(p => p.Add(c => c.Id, client.Id));
        Loaded(cut, client.Name);

        await cut.InvokeAsync(() => cut.InputLabelled("Uygulama adı").Change("  "));
        await cut.InvokeAsync(() => cut.InputLabelled("Dakikalık istek limiti").Change("500"));
        await cut.InvokeAsync(() => cut.Find("section[aria-labelledby=edit-client] form").SubmitAsync());

        cut.WaitForAssertion(() => Assert.Contains("API client adı 2-100 karakter olmalıdır.", cut.Markup, StringComparison.Ordinal), Wait);
        var stored = await app.Get<ApiClientAdmin>().GetAsync(client.Id);
        Assert.Equal(client.Name, stored!.Name);
        Assert.Equal(60, stored.RateLimitPerMinute);
    }

    [Fact]
    public async Task ShowsDepartmentNamesNotIds()
    {
        var ids = new[] { await DepartmentIdAsync("Bilgi İşlem"), await DepartmentIdAsync("Muhasebe") };
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Departmanlı " + Suffix(), ids, 60);
        await using var ctx = new SettingsContext(app);

        var detail = ctx.Render<ApiClientDetail>(p => p.Add(c => c.Id, client.Id));
        Loaded(detail, client.Name);
        Assert.Equal("Bilgi İşlem, Muhasebe", detail.Find("[data-testid=client-departments]").TextContent);

        // A page of its own, as in the app: one set of MudBlazor providers per context.
        await using var listContext = new SettingsContext(app);
        var list = listContext.Render<ApiClients>();
        list.WaitForAssertion(() => Assert.Contains(client.Name, list.Markup, StringComparison.Ordinal), Wait);
        var row = Assert.Single(list.FindAll("tr"), r => r.TextContent.Contains(client.Name, StringComparison.Ordinal));
        Assert.Contains("Bilgi İşlem, Muhasebe", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsksBeforeRotatingTheSecretAndDoesNothingWhenCancelled()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Secret Testi " + Suffix(), [], 60);
        var authenticator = app.Get<ApiClientAuthenticator>();
        await using var ctx = new SettingsContext(app);
        var cut = ctx.Render<ApiClientDetail>(p => p.Add(c => c.Id, client.Id));
        Loaded(cut, client.Name);

        await cut.InvokeAsync(() => cut.Button("Secret Yenile").Click());
        var dialog = cut.WaitForElement("[role=dialog]", Wait);
        Assert.Contains("Secret yenilensin mi?", dialog.TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.Button("Vazgeç", cut.Dialog()).ClickAsync());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        Assert.Equal(ApiAuthResult.Ok, (await authenticator.AuthenticateAsync(client.ApiKey, client.ApiSecret)).Result);
        Assert.Empty(cut.FindAll("[data-testid=api-secret]"));

        await cut.InvokeAsync(() => cut.Button("Secret Yenile").Click());
        cut.WaitForElement("[role=dialog]", Wait);
        await cut.InvokeAsync(() => cut.Button("Secret Yenile", cut.Dialog()).ClickAsync());
        var shown = cut.WaitForElement("[data-testid=api-secret]", Wait).TextContent;
        Assert.NotEqual(client.ApiSecret, shown);
        Assert.Equal(ApiAuthResult.InvalidCredentials, (await authenticator.AuthenticateAsync(client.ApiKey, client.ApiSecret)).Result);
        Assert.Equal(ApiAuthResult.Ok, (await authenticator.AuthenticateAsync(client.ApiKey, shown)).Result);
        Assert.Contains($"{client.Name} için secret yenilendi", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsksBeforeDisablingAClient()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Kapatma Testi " + Suffix(), [], 60);
        await using var ctx = new SettingsContext(app);
        var cut = ctx.Render<ApiClientDetail>(p => p.Add(c => c.Id, client.Id));
        Loaded(cut, client.Name);

        await cut.InvokeAsync(() => cut.Button("Devre dışı bırak").Click());
        Assert.Contains("devre dışı kalınca", cut.WaitForElement("[role=dialog]", Wait).TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.Button("Vazgeç", cut.Dialog()).ClickAsync());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        Assert.True((await app.Get<ApiClientAdmin>().GetAsync(client.Id))!.IsActive);

        await cut.InvokeAsync(() => cut.Button("Devre dışı bırak").Click());
        cut.WaitForElement("[role=dialog]", Wait);
        await cut.InvokeAsync(() => cut.Button("Devre dışı bırak", cut.Dialog()).ClickAsync());
        cut.WaitForAssertion(() => Assert.Contains($"{client.Name} devre dışı bırakıldı.", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.False((await app.Get<ApiClientAdmin>().GetAsync(client.Id))!.IsActive);
        Assert.Equal(ApiAuthResult.Inactive, (await app.Get<ApiClientAuthenticator>().AuthenticateAsync(client.ApiKey, client.ApiSecret)).Result);
    }

    [Fact]
    public async Task ChangesAWebhooksUrlEventsAttemptsAndDelay()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Webhook Düzenle " + Suffix(), [], 60);
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, "https://erp.example.com/eski", [.. Destek.Core.Tickets.TicketEvent.All]);
        await using var ctx = new SettingsContext(app);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"ayarlar/api/{client.Id}?sekme=webhooklar");
        var cut = ctx.Render<ApiClientDetail>(p => p.Add(c => c.Id, client.Id));
        Loaded(cut, client.Name);

        await cut.InvokeAsync(() => cut.Button("https://erp.example.com/eski düzenle").ClickAsync());
        await cut.InvokeAsync(() => cut.InputLabelled("Webhook URL", within: "article form").Change("https://erp.example.com/yeni"));
        foreach (var name in Destek.Core.Tickets.TicketEvent.All.Except(["ticket.closed", "comment.added"]))
        {
            await cut.InvokeAsync(() => cut.Find("article form").QuerySelectorAll("label").Single(l => l.TextContent.Trim() == name).QuerySelector("input")!.Change(false));
        }

        await cut.InvokeAsync(() => cut.InputLabelled("Deneme sayısı", within: "article form").Change("5"));
        await cut.InvokeAsync(() => cut.InputLabelled("Denemeler arası bekleme (saniye)", within: "article form").Change("30"));
        await cut.InvokeAsync(() => cut.Find("article form").SubmitAsync());

        cut.WaitForAssertion(() => Assert.Contains("Webhook güncellendi: URL https://erp.example.com/yeni; olaylar ticket.closed, comment.added; deneme sayısı 3 → 5; bekleme 60 → 30 sn.", cut.Markup, StringComparison.Ordinal), Wait);
        var stored = await app.Get<WebhookAdmin>().GetAsync(webhook.Id);
        Assert.Equal("https://erp.example.com/yeni", stored!.Url);
        Assert.Equal(["ticket.closed", "comment.added"], stored.Events);
        Assert.Equal(5, stored.MaxAttempts);
        Assert.Equal(30, stored.RetryDelaySeconds);
    }

    [Fact]
    public async Task DeletesAWebhookAfterAskingAndDropsItsPendingDeliveries()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Webhook Sil " + Suffix(), [], 60);
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, "https://erp.example.com/silinecek", ["ticket.created"]);
        await app.WithDbAsync(async db =>
        {
            db.Add(WebhookDelivery.Create(webhook.Id, "ticket.created", null, "{}", app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        await using var ctx = new SettingsContext(app);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"ayarlar/api/{client.Id}?sekme=webhooklar");
        var cut = ctx.Render<ApiClientDetail>(p => p.Add(c => c.Id, client.Id));
        Loaded(cut, client.Name);

        await cut.InvokeAsync(() => cut.Button("https://erp.example.com/silinecek sil").Click());
        Assert.Contains("Bekleyen 1 gönderim de iptal edilir.", cut.WaitForElement("[role=dialog]", Wait).TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.Button("Vazgeç", cut.Dialog()).ClickAsync());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        Assert.NotNull(await app.Get<WebhookAdmin>().GetAsync(webhook.Id));

        await cut.InvokeAsync(() => cut.Button("https://erp.example.com/silinecek sil").Click());
        cut.WaitForElement("[role=dialog]", Wait);
        await cut.InvokeAsync(() => cut.Button("Sil", cut.Dialog()).ClickAsync());
        cut.WaitForAssertion(() => Assert.Contains("Webhook silindi: https://erp.example.com/silinecek; bekleyen 1 gönderim iptal edildi.", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.Null(await app.Get<WebhookAdmin>().GetAsync(webhook.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<WebhookDelivery>().CountAsync(d => d.SubscriptionId == webhook.Id)));
        cut.WaitForAssertion(() => Assert.DoesNotContain("silinecek düzenle", cut.Markup, StringComparison.Ordinal), Wait);
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>The page loads its client asynchronously from the database; wait until it shows.</summary>
    private static void Loaded(IRenderedComponent<ApiClientDetail> cut, string name) =>
        cut.WaitForAssertion(() => Assert.Equal(name, cut.Find("h1").TextContent.Trim()), Wait);

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private Task<int> DepartmentIdAsync(string name) => app.WithDbAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());
}

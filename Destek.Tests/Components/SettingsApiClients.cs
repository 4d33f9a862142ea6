using Bunit;
using Destek.App.Settings;
using Destek.Core.Access;
using Destek.Core.ExternalApi;
using Destek.Tests.ExternalApi;

namespace Destek.Tests.Components;

/// <summary>Ayarlar → API Yönetimi, the list: a new client's secret is shown once; disabling from the list asks first.</summary>
[Trait("Category", "Integration")]
public sealed class SettingsApiClients(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task CreatesAClientAndShowsItsSecretOnce()
    {
        await using var ctx = new SettingsContext(app);
        var cut = ctx.Render<ApiClients>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("section[aria-labelledby=new-client] form")), Wait);
        // The department boxes come with a second read, which PostgreSQL may finish after the form shows.
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("label"), l => l.TextContent.Trim() == "Muhasebe"), Wait);
        var name = "Liste ERP " + Guid.NewGuid().ToString("N")[..6];

        await cut.InvokeAsync(() => cut.InputLabelled("Uygulama adı").Change(name));
        await cut.InvokeAsync(() => cut.InputLabelled("Muhasebe").Change(true));
        await cut.InvokeAsync(() => cut.InputLabelled("Dakikalık istek limiti").Change("45"));
        await cut.InvokeAsync(() => cut.Find("section[aria-labelledby=new-client] form").SubmitAsync());

        var secret = cut.WaitForElement("[data-testid=api-secret]", Wait).TextContent;
        var key = cut.Find("[data-testid=api-key]").TextContent;
        Assert.Equal(ApiAuthResult.Ok, (await app.Get<ApiClientAuthenticator>().AuthenticateAsync(key, secret)).Result);
        Assert.Contains($"{name} oluşturuldu; secret yalnızca şimdi gösteriliyor.", cut.Markup, StringComparison.Ordinal);
        // The list reloads after the secret is shown.
        cut.WaitForState(() => cut.FindAll("tbody tr").Any(r => r.TextContent.Contains(name, StringComparison.Ordinal)), Wait);
        var row = Assert.Single(cut.FindAll("tbody tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains("Muhasebe", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("45", row.TextContent, StringComparison.Ordinal);

        await cut.InvokeAsync(() => cut.Button("Kapat").ClickAsync());
        Assert.Empty(cut.FindAll("[data-testid=api-secret]"));
    }

    [Fact]
    public async Task AsksBeforeDisablingAClientFromTheList()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Listeden Kapat " + Guid.NewGuid().ToString("N")[..6], []);
        await using var ctx = new SettingsContext(app);
        var cut = ctx.Render<ApiClients>();
        cut.WaitForAssertion(() => Assert.Contains(client.Name, cut.Markup, StringComparison.Ordinal), Wait);

        await cut.InvokeAsync(() => cut.Button($"{client.Name} devre dışı bırak").Click());
        cut.WaitForElement("[role=dialog]", Wait);
        await cut.InvokeAsync(() => cut.Button("Vazgeç", cut.Dialog()).ClickAsync());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        Assert.True((await app.Get<ApiClientAdmin>().GetAsync(client.Id))!.IsActive);

        await cut.InvokeAsync(() => cut.Button($"{client.Name} devre dışı bırak").Click());
        cut.WaitForElement("[role=dialog]", Wait);
        await cut.InvokeAsync(() => cut.Button("Devre dışı bırak", cut.Dialog()).ClickAsync());
        cut.WaitForAssertion(() => Assert.Contains($"{client.Name} devre dışı bırakıldı.", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.False((await app.Get<ApiClientAdmin>().GetAsync(client.Id))!.IsActive);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button"), b => b.GetAttribute("aria-label") == $"{client.Name} etkinleştir"), Wait);
    }
}

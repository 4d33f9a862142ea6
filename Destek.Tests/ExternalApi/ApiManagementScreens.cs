using Destek.Core.ExternalApi;
using Destek.Core.Services;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.ExternalApi;

/// <summary>Ayarlar → API Yönetimi in a real browser: create a client (key and secret shown once), add a webhook, test it.</summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ApiManagementScreens(BrowserFixture browser) : IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task AnAdminCreatesAClientSeesTheSecretOnceAddsAWebhookAndTestsIt()
    {
        _receiver.Answer = _ => (200, "alındı", null);
        var page = await browser.SignedInPageAsync(DemoSeeder.AdminEmail);
        await page.GotoAsync(new Uri(browser.BaseAddress, "ayarlar").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "API Yönetimi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API Yönetimi", Level = 1 })).ToBeVisibleAsync();

        var name = "Tarayıcı ERP " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Uygulama adı").FillAsync(name);
        await page.GetByLabel("Dakikalık istek limiti").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oluştur" }).ClickAsync();

        var shown = page.GetByRole(AriaRole.Status, new() { Name = "Yeni anahtar bilgileri" });
        await Assertions.Expect(shown).ToContainTextAsync("yalnızca şimdi gösterilir");
        var key = await page.GetByTestId("api-key").InnerTextAsync();
        var secret = await page.GetByTestId("api-secret").InnerTextAsync();
        var (result, _) = await browser.App.Services.GetRequiredService<ApiClientAuthenticator>().AuthenticateAsync(key, secret);
        Assert.Equal(ApiAuthResult.Ok, result);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("120");

        await page.GetByRole(AriaRole.Button, new() { Name = "Kapat" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"{name} için Secret Yenile" }).ClickAsync();
        var rotated = await page.GetByTestId("api-secret").InnerTextAsync();
        Assert.NotEqual(secret, rotated);
        (result, _) = await browser.App.Services.GetRequiredService<ApiClientAuthenticator>().AuthenticateAsync(key, secret);
        Assert.Equal(ApiAuthResult.InvalidCredentials, result);

        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Webhook'lar") }).ClickAsync();
        await page.GetByLabel("Webhook URL").FillAsync(_receiver.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Webhook ekle" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-secret")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"{_receiver.Url} için Test Et" }).ClickAsync();
        var testResult = page.GetByRole(AriaRole.Status, new() { Name = "Test sonucu" });
        await Assertions.Expect(testResult).ToContainTextAsync("200");
        await Assertions.Expect(testResult).ToContainTextAsync("alındı");
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("webhook.test");
        Assert.Equal("webhook.test", Assert.Single(_receiver.Received).Event);
    }
}

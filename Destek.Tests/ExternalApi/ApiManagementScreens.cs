using Destek.Core.Access;
using Destek.Core.Data;
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

    /// <summary>Also: rotating asks first, the client and the webhook change after creation, and the webhook is deleted.</summary>
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

        await page.GetByRole(AriaRole.Status, new() { Name = "Yeni anahtar bilgileri" }).GetByRole(AriaRole.Button, new() { Name = "Kapat" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"{name} için Secret Yenile" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Eski secret hemen geçersiz olur");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Secret Yenile" }).ClickAsync();
        var rotatedSecret = page.GetByTestId("api-secret");
        await Assertions.Expect(rotatedSecret).Not.ToHaveTextAsync(secret);
        var rotated = await rotatedSecret.InnerTextAsync();
        Assert.NotEqual(secret, rotated);
        (result, _) = await browser.App.Services.GetRequiredService<ApiClientAuthenticator>().AuthenticateAsync(key, secret);
        Assert.Equal(ApiAuthResult.InvalidCredentials, result);

        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Dakikalık istek limiti").FillAsync("90");
        await page.GetByLabel("Bilgi İşlem").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaydet" }).ClickAsync();
        await Assertions.Expect(page.GetByText("dakikalık limit 120 → 90")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("client-departments")).ToHaveTextAsync("Bilgi İşlem");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Webhook'lar" }).ClickAsync();
        await page.GetByLabel("Webhook URL").FillAsync(_receiver.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Webhook ekle" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-secret")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"{_receiver.Url} için Test Et" }).ClickAsync();
        var testResult = page.GetByRole(AriaRole.Status, new() { Name = "Test sonucu" });
        await Assertions.Expect(testResult).ToContainTextAsync("200");
        await Assertions.Expect(testResult).ToContainTextAsync("alındı");
        var logged = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "webhook.test" });
        await Assertions.Expect(logged).ToContainTextAsync("1 deneme");
        Assert.Equal("webhook.test", Assert.Single(_receiver.Received).Event);

        await page.GetByRole(AriaRole.Button, new() { Name = $"{_receiver.Url} düzenle" }).ClickAsync();
        await page.GetByRole(AriaRole.Article, new() { Name = $"Webhook {_receiver.Url}" }).GetByLabel("Deneme sayısı").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Webhook'u kaydet" }).ClickAsync();
        await Assertions.Expect(page.GetByText("deneme sayısı 3 → 4")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"{_receiver.Url} sil" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sil" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Bu client için webhook tanımlı değil.")).ToBeVisibleAsync();
    }
}

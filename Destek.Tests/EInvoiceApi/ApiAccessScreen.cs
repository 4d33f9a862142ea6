using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Invoices;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.EInvoiceApi;

/// <summary>Ayarlar → API Erişimi in a real browser: create a token (shown once), use it against the API, see its last use, revoke it.</summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ApiAccessScreen(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminCreatesATokenUsesItAgainstTheApiAndRevokesIt()
    {
        var orgName = "Tarayıcı Pazaryeri " + Guid.NewGuid().ToString("N")[..6];
        var org = await browser.App.WithDbAsync(async db =>
        {
            var first9 = Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var vkn = Enumerable.Range(0, 10).Select(d => first9 + d.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(TaxNumber.IsValidVkn);
            var created = CustomerOrganization.Create(orgName, vkn, DateTime.UtcNow);
            db.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        await browser.App.Services.GetRequiredService<ModuleSwitches>().SetAsync(org.Id, ModuleNames.EInvoiceApi, new DateOnly(2099, 12, 31));

        // A context that lets axe's script in (the app's CSP would refuse it); the app itself is unchanged.
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AdminEmail, 1366, 900);
        await page.GotoAsync(new Uri(browser.BaseAddress, "ayarlar").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "API Erişimi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API Erişimi", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Token adı")).ToBeEnabledAsync();

        var name = "Tarayıcı ERP " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Token adı").FillAsync(name);
        await page.GetByRole(AriaRole.Radio, new() { Name = orgName }).CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "einvoices:read" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "180 gün" }).CheckAsync();
        await page.GetByLabel("IP kısıtı (isteğe bağlı)").FillAsync("127.0.0.0/8, ::1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Token Oluştur" }).ClickAsync();

        var shown = page.GetByRole(AriaRole.Status, new() { Name = "Yeni token" });
        await Assertions.Expect(shown).ToContainTextAsync("yalnızca şimdi gösterilir");
        await Assertions.Expect(shown.GetByRole(AriaRole.Button, new() { Name = "Token'ı kopyala" })).ToBeVisibleAsync();
        var token = await page.GetByTestId("new-token").InnerTextAsync();
        Assert.StartsWith("dpat_", token, StringComparison.Ordinal);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync(orgName);
        await Assertions.Expect(row).ToContainTextAsync("Hiç kullanılmadı");
        await Assertions.Expect(row).ToContainTextAsync("127.0.0.0/8, ::1/128");
        await Assertions.Expect(row).ToContainTextAsync("Aktif");
        await Axe.AssertNoSeriousViolationsAsync(page, "API Erişimi");

        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.GetAsync(new Uri("/api/v1/einvoices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, body.GetProperty("meta").GetProperty("total").GetInt32());

        // The shown token is gone after a reload, and the list has its last use.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("127.0.0.1");

        await page.GetByRole(AriaRole.Button, new() { Name = $"{name} token'ını iptal et" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("hemen geçersiz olur");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "İptal et", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("İptal edildi");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/v1/einvoices", UriKind.Relative))).StatusCode);

        // A fresh load rather than the link's in-page navigation: the revoke's snackbar would still be fading out (axe reads its half-transparent text).
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Modüller ve geçerlilik tarihleri" })).ToHaveAttributeAsync("href", "admin/settings/modules");
        await page.GotoAsync(new Uri(browser.BaseAddress, "admin/settings/modules").ToString());
        var section = page.GetByRole(AriaRole.Region, new() { Name = orgName });
        await Assertions.Expect(section.GetByRole(AriaRole.Row).Filter(new() { HasText = "feature.einvoice_api" })).ToContainTextAsync("31.12.2099 tarihine kadar");
        await Axe.AssertNoSeriousViolationsAsync(page, "Modüller");
        await page.Context.CloseAsync();
    }
}

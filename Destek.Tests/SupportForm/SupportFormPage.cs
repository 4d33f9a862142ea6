using System.Text.RegularExpressions;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>The /destek form in Chromium, found by its labels, as a visitor uses it.</summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed partial class SupportFormPage(BrowserFixture browser)
{
    [Fact]
    public async Task AVisitorSubmitsTheFormAndReadsTheirNumberWithoutACircuit()
    {
        var (page, sockets) = await NewPageAsync(javaScript: true);
        await page.GotoAsync("/destek");
        await page.GetByLabel("Ad Soyad").FillAsync("Çağla Öztürk");
        await page.GetByLabel("E-posta").FillAsync("Cagla@Example.com");
        await page.GetByLabel("Telefon").FillAsync("0532 111 22 33");
        await page.GetByLabel("Konu").SelectOptionAsync("Teknik Destek");
        await page.GetByLabel("Mesaj").FillAsync("Uygulama açılışta kapanıyor, yardımcı olur musunuz?");
        await page.GetByLabel("Ek Dosya").SetInputFilesAsync(new FilePayload { Name = "ekran.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Talebi Gönder" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Destek talebiniz alındı" })).ToBeVisibleAsync();
        var number = (await page.Locator("#ticket-number").TextContentAsync())!.Trim();
        Assert.Matches(TicketNumber(), number);
        await Assertions.Expect(page.GetByText("24 saat içinde")).ToBeVisibleAsync();

        var ticket = await TicketAsync(browser.App, number);
        Assert.Equal("Çağla Öztürk", ticket.RequesterName);
        Assert.Equal("cagla@example.com", ticket.RequesterEmail);
        Assert.Equal("Teknik Destek", ticket.Category!.Name);
        Assert.Equal("ekran.png", Assert.Single(ticket.Attachments).FileName);
        // Static rendering with an enhanced post: the page never opened a Blazor circuit.
        Assert.Empty(sockets);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BadInputShowsTurkishErrorsBesideEachFieldKeepsTheInputAndSavesNothing()
    {
        var (page, _) = await NewPageAsync(javaScript: true);
        var before = await TicketCountAsync(browser.App);
        await page.GotoAsync("/destek");
        await page.GetByLabel("Ad Soyad").FillAsync("Ali 2");
        await page.GetByLabel("E-posta").FillAsync("ali@");
        await page.GetByLabel("Telefon").FillAsync("12345");
        await page.GetByLabel("Mesaj").FillAsync("kısa");
        await page.GetByLabel("Ek Dosya").SetInputFilesAsync(new FilePayload { Name = "fatura.pdf", MimeType = "application/pdf", Buffer = Executable() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Talebi Gönder" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("işaretli alanları düzeltip");
        await Assertions.Expect(page.GetByLabel("Ad Soyad")).ToHaveAccessibleDescriptionAsync("Ad soyad sadece harf içerebilir.");
        await Assertions.Expect(page.GetByLabel("E-posta")).ToHaveAccessibleDescriptionAsync("Geçerli bir e-posta adresi girin.");
        await Assertions.Expect(page.GetByLabel("Telefon")).ToHaveAccessibleDescriptionAsync(new Regex("Geçerli bir telefon numarası girin."));
        await Assertions.Expect(page.GetByLabel("Konu")).ToHaveAccessibleDescriptionAsync("Bu alan zorunludur.");
        await Assertions.Expect(page.GetByLabel("Mesaj")).ToHaveAccessibleDescriptionAsync(new Regex("Mesaj en az 10 karakter olmalıdır."));
        await Assertions.Expect(page.GetByLabel("Ek Dosya")).ToHaveAccessibleDescriptionAsync(new Regex("Dosyanın içeriği uzantısıyla uyuşmuyor"));
        await Assertions.Expect(page.GetByLabel("Ad Soyad")).ToHaveAttributeAsync("aria-invalid", "true");

        await Assertions.Expect(page.GetByLabel("Ad Soyad")).ToHaveValueAsync("Ali 2");
        await Assertions.Expect(page.GetByLabel("E-posta")).ToHaveValueAsync("ali@");
        await Assertions.Expect(page.GetByLabel("Telefon")).ToHaveValueAsync("12345");
        await Assertions.Expect(page.GetByLabel("Mesaj")).ToHaveValueAsync("kısa");
        Assert.Equal(before, await TicketCountAsync(browser.App));

        // Fixing the fields (and choosing the file again) goes through.
        await page.GetByLabel("Ad Soyad").FillAsync("Ali Veli");
        await page.GetByLabel("E-posta").FillAsync("ali@example.com");
        await page.GetByLabel("Telefon").FillAsync("");
        await page.GetByLabel("Konu").SelectOptionAsync("Diğer");
        await page.GetByLabel("Mesaj").FillAsync("Artık yeterince uzun bir mesaj.");
        await page.GetByLabel("Ek Dosya").SetInputFilesAsync(Array.Empty<FilePayload>());
        await page.GetByRole(AriaRole.Button, new() { Name = "Talebi Gönder" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ticket-number")).ToHaveTextAsync(TicketNumber());
        Assert.Equal(before + 1, await TicketCountAsync(browser.App));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheFormWorksWithJavaScriptOff()
    {
        var (page, _) = await NewPageAsync(javaScript: false);
        await page.GotoAsync("/destek");
        await page.GetByLabel("Ad Soyad").FillAsync("İsmail Işık");
        await page.GetByLabel("E-posta").FillAsync("ismail@example.com");
        await page.GetByLabel("Konu").SelectOptionAsync("Hesap Sorunu");
        await page.GetByLabel("Mesaj").FillAsync("Şifre sıfırlama bağlantısı gelmiyor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Talebi Gönder" }).ClickAsync();
        var number = (await page.Locator("#ticket-number").TextContentAsync())!.Trim();
        Assert.Matches(TicketNumber(), number);
        Assert.Equal("İsmail Işık", (await TicketAsync(browser.App, number)).RequesterName);

        // Post/redirect/get: a refresh shows the receipt again and files no second ticket.
        Assert.Contains("/destek/alindi/", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#ticket-number")).ToHaveTextAsync(number);
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.Tickets.CountAsync(t => t.RequesterName == "İsmail Işık")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedAndSavesNothing()
    {
        using var client = ClientFromOwnIp(browser.App);
        var before = await TicketCountAsync(browser.App);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "destek",
            ["Input.Name"] = "Sahte Gönderen",
            ["Input.Email"] = "sahte@example.com",
            ["Input.Subject"] = "Diğer",
            ["Input.Message"] = "Başka bir siteden gönderilen form.",
        });
        var response = await client.PostAsync(new Uri("/destek", UriKind.Relative), form);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await TicketCountAsync(browser.App));
    }

    /// <summary>A fresh context from its own IP (so the per-IP limit does not mix tests), recording any WebSocket.</summary>
    private async Task<(IPage Page, List<string> Sockets)> NewPageAsync(bool javaScript)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Locale = "tr-TR",
            JavaScriptEnabled = javaScript,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = NewIp() },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        return (page, sockets);
    }

    [GeneratedRegex(@"^SUP-\d{4}-\d{6}$")]
    private static partial Regex TicketNumber();
}

using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Destek.Tests.Desk;

/// <summary>The ticket page in Chromium: the circuit, uploads and downloads, the draft in localStorage, live updates.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class TicketPageInBrowser(BrowserFixture browser)
{
    // A 1×1 PNG, so the thumbnail really decodes.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task AgentRepliesWithFilesAndChangesStatusAndBothSurviveReload()
    {
        var ticket = await OpenTicketAsync(skip: 0);
        var page = await OpenAsync(DemoSeeder.AgentEmail, ticket);

        var reply = $"Merhaba, talebinizi inceliyoruz. ({Guid.NewGuid():N})";
        await page.GetByLabel("Yanıt", new() { Exact = true }).FillAsync(reply);
        var files = page.GetByLabel("Ek dosya");
        await files.SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "kontrol-listesi.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes("1. Kargo firmasını ara") },
            new FilePayload { Name = "ekran.png", MimeType = "image/png", Buffer = Png },
        });
        await Assertions.Expect(page.GetByText("bir sonraki yanıt veya nota eklenecek")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();

        await Assertions.Expect(Snackbar(page, "Yanıt gönderildi.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.conversation").GetByText(reply)).ToBeVisibleAsync();
        Assert.Equal(0, await files.EvaluateAsync<int>("input => input.files.length"));
        await Assertions.Expect(page.GetByLabel("Yanıt", new() { Exact = true })).ToHaveValueAsync("");
        var thumbnail = page.Locator("ol.conversation").GetByAltText("ekran.png");
        await Assertions.Expect(thumbnail).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('ol.conversation img[alt=\"ekran.png\"]')?.naturalWidth === 1");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Durum" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Çözüldü" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Kaydedilmedi")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaydet", Exact = true }).ClickAsync();
        await Assertions.Expect(Snackbar(page, "Durum 'Çözüldü' olarak değiştirildi.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("ol.conversation").GetByText(reply)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Durum" })).ToHaveValueAsync("Çözüldü");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Durum «Açık» → «Çözüldü»");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "destek-ticket-page.png"), FullPage = true });

        var saved = await browser.App.WithDbAsync(db => db.Tickets.Include(t => t.Messages).SingleAsync(t => t.Id == ticket.Id));
        Assert.Equal(TicketStatus.Resolved, saved.Status);
        Assert.Contains(saved.Messages, m => m.Body == reply && m.Kind == MessageKind.PublicReply && m.AuthorName == "Mehmet Demir");
        var link = page.Locator("ol.conversation").GetByRole(AriaRole.Link, new() { Name = "kontrol-listesi.txt" });
        var download = await page.Context.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal("1. Kargo firmasını ara", await download.TextAsync());
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArrowKeysInTheStatusListSaveNothing()
    {
        var ticket = await OpenTicketAsync(skip: 1);
        var page = await OpenAsync(DemoSeeder.AgentEmail, ticket);
        var before = await HistoryCountAsync(ticket.Id);

        var status = page.GetByRole(AriaRole.Combobox, new() { Name = "Durum" });
        await status.FocusAsync();
        // The first key opens the list; keys pressed before the circuit has opened it would be lost.
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        foreach (var key in new[] { "ArrowDown", "ArrowDown", "ArrowUp", "ArrowDown" })
        {
            await page.Keyboard.PressAsync(key);
        }

        // Enter picks the highlighted status; the circuit has handled every key before it shows this.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Kaydedilmedi")).ToBeVisibleAsync();
        await Assertions.Expect(status).Not.ToHaveValueAsync("Açık");
        Assert.Equal(before, await HistoryCountAsync(ticket.Id));
        Assert.Equal(TicketStatus.Open, await browser.App.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task TypedReplySurvivesAReloadAndIsClearedAfterSending()
    {
        var ticket = await OpenTicketAsync(skip: 2);
        var page = await OpenAsync(DemoSeeder.AgentEmail, ticket);
        var draft = $"Yarım kalan yanıt {Guid.NewGuid():N}";
        var box = page.GetByLabel("Yanıt", new() { Exact = true });

        // The draft is kept by the page's script module, which the circuit imports after its first
        // render: typing before that is not kept, so type again until the browser holds the draft.
        var stored = $"() => localStorage.getItem('destek.draft.reply.{ticket.Id}')";
        for (var attempt = 0; attempt < 40 && await page.EvaluateAsync<string?>(stored) != draft; attempt++)
        {
            await box.FillAsync("");
            await box.FillAsync(draft);
            await page.WaitForTimeoutAsync(250);
        }

        Assert.Equal(draft, await page.EvaluateAsync<string?>(stored));
        await page.ReloadAsync();

        await Assertions.Expect(box).ToHaveValueAsync(draft);
        await Assertions.Expect(box).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        await Assertions.Expect(Snackbar(page, "Yanıt gönderildi.")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('destek.draft.reply.{ticket.Id}')"));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("ol.conversation").GetByText(draft)).ToBeVisibleAsync();
        await Assertions.Expect(box).ToBeEnabledAsync();
        await Assertions.Expect(box).ToHaveValueAsync("");
    }

    [Fact]
    public async Task SecondAgentSeesTheReplyAppearWithoutReload()
    {
        var ticket = await OpenTicketAsync(skip: 3);
        var watcher = await OpenAsync(DemoSeeder.Agent2Email, ticket);
        var writer = await OpenAsync(DemoSeeder.AgentEmail, ticket);

        var reply = $"Canlı yanıt {Guid.NewGuid():N}";
        await writer.GetByLabel("Yanıt", new() { Exact = true }).FillAsync(reply);
        await writer.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        await Assertions.Expect(writer.Locator("ol.conversation").GetByText(reply)).ToBeVisibleAsync();

        await Assertions.Expect(watcher.Locator("ol.conversation").GetByText(reply)).ToBeVisibleAsync();
        await Assertions.Expect(Snackbar(watcher, "Mehmet Demir yanıt yazdı.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MovingOutOfTheAgentsDepartmentsAsksAndThenLeavesForTheQueue()
    {
        var ticket = await OpenTicketAsync(skip: 4);
        var page = await OpenAsync(DemoSeeder.AgentEmail, ticket);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Departman" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Muhasebe" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaydet", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Muhasebe departmanının taleplerini göremezsiniz");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Taşı" }).ClickAsync();

        // A client-side navigation: there is no load event to wait for.
        await page.WaitForURLAsync(url => url.EndsWith("/masa", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var department = await browser.App.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.Department!.Name).SingleAsync());
        Assert.Equal("Muhasebe", department);
    }

    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar").Filter(new() { HasTextString = text });

    /// <summary>Opens the ticket signed in as someone and waits until the circuit is live (controls enabled).</summary>
    private async Task<IPage> OpenAsync(string email, Ticket ticket)
    {
        var page = await browser.SignedInPageAsync(email);
        await page.GotoAsync($"/masa/talepler/{ticket.Id}");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{ticket.Number} — {ticket.Title}" }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Durum" })).ToBeEnabledAsync();
        return page;
    }

    private Task<int> HistoryCountAsync(int ticketId) => browser.App.WithDbAsync(db => db.TicketHistory.CountAsync(h => h.TicketId == ticketId));

    /// <summary>
    /// Open tickets of Müşteri Hizmetleri taken from the end of the list, apart from the queue tests
    /// (which take the first ones) and from each other, both agents can see.
    /// </summary>
    private Task<Ticket> OpenTicketAsync(int skip) => browser.App.WithDbAsync(db =>
        db.Tickets.Where(t => t.Department!.Name == ReferenceData.DefaultDepartment && t.Status == TicketStatus.Open)
            .OrderByDescending(t => t.Id).Skip(skip).FirstAsync());
}

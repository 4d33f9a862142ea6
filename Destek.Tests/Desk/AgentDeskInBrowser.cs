using Destek.Core.Services;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.Desk;

[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AgentDeskInBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task AgentRepliesAndChangesStatusAndBothSurviveReload()
    {
        var ticket = await OpenTicketInCustomerServiceAsync(skip: 0);
        var page = await browser.SignedInPageAsync(DemoSeeder.AgentEmail);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Talepler" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tüm açık" }).ClickAsync();
        await page.GetByLabel("Ara").FillAsync(ticket.Number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ara", Exact = true }).ClickAsync();
        // Wait for the search's page of results: a click on the row being replaced would be lost.
        await Assertions.Expect(page.GetByText("1–1 / 1 talep")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = ticket.Number }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{ticket.Number} — {ticket.Title}" }).WaitForAsync();

        var reply = $"Merhaba, talebinizi inceliyoruz. ({Guid.NewGuid():N})";
        await page.GetByLabel("Yanıt", new() { Exact = true }).FillAsync(reply);
        await page.GetByLabel("Ek dosya").SetInputFilesAsync(new FilePayload
        {
            Name = "kontrol-listesi.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes("1. Kargo firmasını ara"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        await Assertions.Expect(page.GetByText(reply)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "kontrol-listesi.txt" }).First).ToBeVisibleAsync();

        await page.GetByLabel("Durum").SelectOptionAsync(new SelectOptionValue { Label = "Çözüldü" });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Durum: Çözüldü");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText(reply)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Durum")).ToHaveValueAsync(nameof(TicketStatus.Resolved));
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Durum «Açık» → «Çözüldü»");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "destek-ticket-page.png"), FullPage = true });

        var saved = await browser.App.WithDbAsync(db => db.Tickets.Include(t => t.Messages).SingleAsync(t => t.Id == ticket.Id));
        Assert.Equal(TicketStatus.Resolved, saved.Status);
        Assert.Contains(saved.Messages, m => m.Body == reply && m.Kind == MessageKind.PublicReply && m.AuthorName == "Mehmet Demir");
        var download = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "kontrol-listesi.txt" }).First.GetAttributeAsync("href") ?? "");
        Assert.Equal("1. Kargo firmasını ara", await download.TextAsync());
    }

    [Fact]
    public async Task SecondAgentSeesTheReplyAppearWithoutReload()
    {
        var ticket = await OpenTicketInCustomerServiceAsync(skip: 1);
        var watcher = await browser.SignedInPageAsync(DemoSeeder.Agent2Email);
        await watcher.GotoAsync($"/masa/talepler/{ticket.Id}");
        await watcher.GetByRole(AriaRole.Heading, new() { Name = $"{ticket.Number} — {ticket.Title}" }).WaitForAsync();
        // Controls are enabled once the circuit is live, and only a live page can be told of changes.
        await Assertions.Expect(watcher.GetByLabel("Durum")).ToBeEnabledAsync();

        var writer = await browser.SignedInPageAsync(DemoSeeder.AgentEmail);
        await writer.GotoAsync($"/masa/talepler/{ticket.Id}");
        var reply = $"Canlı yanıt {Guid.NewGuid():N}";
        await writer.GetByLabel("Yanıt", new() { Exact = true }).FillAsync(reply);
        await writer.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        await Assertions.Expect(writer.GetByText(reply)).ToBeVisibleAsync();

        await Assertions.Expect(watcher.GetByText(reply)).ToBeVisibleAsync();
        await Assertions.Expect(watcher.GetByRole(AriaRole.Status)).ToContainTextAsync("Talep güncellendi");
    }

    [Fact]
    public async Task BulkStatusChangeAppliesToTheSelectedTickets()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.AdminEmail);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Atanmamış" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Atanmamış" }).ClickAsync();
        var picked = await browser.App.WithDbAsync(db => db.Tickets
            .Where(t => t.AssigneeId == null && (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress))
            .Where(t => t.Department!.Name != ReferenceData.DefaultDepartment) // the other tests answer tickets there
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => new { t.Id, t.Number, DepartmentId = t.DepartmentId, Department = t.Department!.Name })
            .ToListAsync());
        var department = picked.GroupBy(t => t.Department).First(g => g.Count() >= 2);
        picked = department.Take(2).ToList();
        await page.GetByLabel("Departman").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(department.Key, new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"departman={department.First().DepartmentId}", StringComparison.Ordinal));

        foreach (var ticket in picked)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Seç: {ticket.Number}" }).CheckAsync();
        }

        await Assertions.Expect(page.GetByText("2 talep seçili")).ToBeVisibleAsync();
        await page.GetByLabel("Seçilenlerin durumu").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("Kapatıldı", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Durumu uygula" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("2 talep 'Kapatıldı' durumuna alındı.");

        var ids = picked.Select(p => p.Id).ToList();
        var statuses = await browser.App.WithDbAsync(db => db.Tickets.Where(t => ids.Contains(t.Id)).Select(t => t.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(TicketStatus.Closed, s));
    }

    [Fact]
    public async Task QueueViewSurvivesAReloadAndRowsOpenInANewTab()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.AdminEmail);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tümü", Exact = true })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tümü", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("gorunum=tumu", StringComparison.Ordinal));
        await page.Locator("th").Filter(new() { HasText = "Numara" }).Locator(".sortable-column-header").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sirala=numara", StringComparison.Ordinal));
        var lowest = await browser.App.WithDbAsync(db => db.Tickets.OrderBy(t => t.Number).Select(t => t.Number).FirstAsync());
        await Assertions.Expect(page.Locator("td.q-number a").First).ToHaveTextAsync(lowest);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("td.q-number a").First).ToHaveTextAsync(lowest);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tümü", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // A real link: a middle click opens the ticket in a new tab and leaves the queue where it is.
        var link = page.GetByRole(AriaRole.Link, new() { Name = lowest, Exact = true });
        var popup = page.Context.WaitForPageAsync();
        await link.ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        var tab = await popup;
        await tab.WaitForURLAsync(url => url.Contains("/masa/talepler/", StringComparison.Ordinal));
        Assert.Contains("sirala=numara", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueShowsANewTicketWithoutReload()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.AdminEmail);
        await Assertions.Expect(page.Locator("td.q-number a").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ara", Exact = true })).ToBeEnabledAsync();
        var service = browser.App.Services.GetRequiredService<TicketService>();
        var department = await browser.App.WithDbAsync(db => db.Departments.Where(d => d.Name == ReferenceData.DefaultDepartment).Select(d => d.Id).FirstAsync());
        var created = await service.CreateAsync(new NewTicket
        {
            Title = $"Canlı kuyruk {Guid.NewGuid():N}",
            Description = "Kuyruk kendini yeniler mi?",
            DepartmentId = department,
            Source = TicketSource.Agent,
            RequesterName = "Deniz Yıldız",
            RequesterEmail = "deniz@ornek.com.tr",
        }, Actor.Customer("Deniz Yıldız", "deniz@ornek.com.tr"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = created.Number, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CustomerIsKeptOutOfTheDesk()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.CustomerEmail);
        await page.GotoAsync("/masa");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Erişim yok" })).ToBeVisibleAsync();
    }

    private Task<Ticket> OpenTicketInCustomerServiceAsync(int skip) => browser.App.WithDbAsync(db =>
        db.Tickets.Where(t => t.Department!.Name == ReferenceData.DefaultDepartment && t.Status == TicketStatus.Open)
            .OrderBy(t => t.Id).Skip(skip).FirstAsync());
}

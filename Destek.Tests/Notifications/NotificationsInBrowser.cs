using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.Notifications;

/// <summary>The bell and the notification list in Chromium: a colleague's assignment shows up live, and reading clears it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class NotificationsInBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task AssignmentRingsTheBellLiveAndReadingClearsIt()
    {
        var zeynep = await browser.App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.Agent2Email).Select(u => u.Id).SingleAsync());
        await browser.App.Services.GetRequiredService<Destek.Core.Notifications.DeskNotifications>().MarkAllReadAsync(zeynep);
        var page = await browser.SignedInPageAsync(DemoSeeder.Agent2Email);
        await page.GotoAsync("/masa");
        var bell = page.GetByRole(AriaRole.Link, new() { Name = "Bildirimler: okunmamış bildirim yok" });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.deskShortcuts === 'queue'");

        var ticket = await AssignNewTicketToZeynepAsync();
        var ringing = page.GetByRole(AriaRole.Link, new() { Name = "1 okunmamış bildirim" });
        await Assertions.Expect(ringing).ToBeVisibleAsync();
        await Assertions.Expect(ringing).ToHaveTextAsync("1");

        await ringing.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/masa/bildirimler", StringComparison.Ordinal));
        var item = page.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = ticket.Number });
        await Assertions.Expect(item).ToContainTextAsync("Yeni: Yönetici Admin size atadı");
        await item.GetByRole(AriaRole.Button, new() { Name = $"Okundu işaretle: {ticket.Number}" }).ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("Okundu:");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bildirimler: okunmamış bildirim yok" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task NotificationPageHasNoSeriousAxeViolations(int width)
    {
        await AssignNewTicketToZeynepAsync();
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.Agent2Email, width, width > 600 ? 900 : 844);
        await page.GotoAsync("/masa/bildirimler");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "okunmamış bildirim" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Bildirim listesi" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/masa/bildirimler at {width} px");
    }

    private async Task<Ticket> AssignNewTicketToZeynepAsync()
    {
        var (department, zeynep, admin) = await browser.App.WithDbAsync(async db => (
            await db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == DemoSeeder.Agent2Email).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync()));
        var tickets = browser.App.Services.GetRequiredService<TicketService>();
        var ticket = await tickets.CreateAsync(new NewTicket
        {
            Title = $"Zil denemesi {Guid.NewGuid():N}"[..30], Description = "Açıklama", DepartmentId = department, Source = TicketSource.Api, RequesterName = "ERP",
        }, Actor.System);
        var staff = await browser.App.Services.GetRequiredService<Destek.Core.Organization.StaffDirectory>().FindAsync(admin);
        await tickets.AssignAsync(ticket.Id, zeynep, Actor.Staff(staff!));
        return ticket;
    }
}

using Destek.Core.Services;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Destek.Tests.Desk;

[Collection(BrowserCollection.Name)]
public sealed class AgentDeskInBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task BulkStatusChangeAppliesToTheSelectedTickets()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.AdminEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Atanmamış" }).ClickAsync();
        var picked = await browser.App.WithDbAsync(db => db.Tickets
            .Where(t => t.AssigneeId == null && (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress))
            .Where(t => t.Department!.Name != ReferenceData.DefaultDepartment) // the other tests answer tickets there
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => new { t.Id, t.Number, Department = t.Department!.Name })
            .ToListAsync());
        var department = picked.GroupBy(t => t.Department).First(g => g.Count() >= 2);
        picked = department.Take(2).ToList();
        await page.GetByLabel("Departman").SelectOptionAsync(new SelectOptionValue { Label = department.Key });

        foreach (var ticket in picked)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Seç: {ticket.Number}" }).CheckAsync();
        }

        await Assertions.Expect(page.GetByText("2 talep seçili")).ToBeVisibleAsync();
        await page.GetByLabel("Seçilenlerin durumu").SelectOptionAsync(new SelectOptionValue { Label = "Kapatıldı" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Durumu uygula" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 talep 'Kapatıldı' durumuna alındı.");

        var ids = picked.Select(p => p.Id).ToList();
        var statuses = await browser.App.WithDbAsync(db => db.Tickets.Where(t => ids.Contains(t.Id)).Select(t => t.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(TicketStatus.Closed, s));
    }

    [Fact]
    public async Task CustomerIsKeptOutOfTheDesk()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.CustomerEmail);
        await page.GotoAsync("/masa");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Erişim yok" })).ToBeVisibleAsync();
    }
}

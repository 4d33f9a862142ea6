using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.Sla;

/// <summary>The SLA settings page and the desk's availability switch in Chromium, with axe at desktop and phone widths.</summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class SlaSettingsInBrowser(BrowserFixture browser)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task SettingsPageIsUsableByLabelAndPassesAxe(int width, int height)
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AdminEmail, width, height);
        await page.GotoAsync(new Uri(browser.BaseAddress, "admin/settings/sla").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SLA ve Otomatik Atama", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Açılış: Pazartesi")).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByLabel("Açılış: Pazartesi")).ToHaveValueAsync("09:00");
        await Assertions.Expect(page.GetByLabel("Açık: Cumartesi")).Not.ToBeCheckedAsync();
        // Before any snackbar: its fade-in is measured half-transparent.
        await Axe.AssertNoSeriousViolationsAsync(page, $"SLA ayarları ({width} px)");

        var name = $"Tatil {width}";
        await page.GetByLabel("Tatil tarihi").FillAsync(width == 390 ? "2029-03-01" : "2029-03-02");
        await page.GetByLabel("Tatil adı").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tatil ekle" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Tatil eklendi: {name}");
        Assert.Contains(await browser.App.Services.GetRequiredService<SlaAdmin>().HolidaysAsync(), h => h.Name == name);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AgentSwitchesAvailabilityOnTheDesk()
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.Agent2Email, 390, 844);
        await page.GotoAsync(new Uri(browser.BaseAddress, "masa").ToString());
        var toggle = page.GetByRole(AriaRole.Switch, new() { Name = "Otomatik atamaya açığım" });
        await Assertions.Expect(toggle).ToBeEnabledAsync();
        await toggle.CheckAsync();
        await Assertions.Expect(page.GetByText("Durum: müsait", new() { Exact = true })).ToBeVisibleAsync();
        var agentId = await browser.App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == DemoSeeder.Agent2Email).Id));
        Assert.True(await browser.App.Services.GetRequiredService<Destek.Core.Tickets.AssignmentAdmin>().IsAvailableAsync(agentId));
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "SLA" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "Masa, müsaitlik anahtarı (390 px)");
    }
}

using Destek.Core.Data;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Destek.Tests.Shortcuts;

/// <summary>The desk's keyboard shortcuts in Chromium, under the app's real Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class ShortcutsInBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task QueueMovesWithJAndKSelectsWithXAndOpensWithEnter()
    {
        var page = await QueueAsync();
        var rows = page.Locator(".queue-grid tbody tr");

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(rows.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(rows.Nth(2)).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(rows.Nth(0)).Not.ToHaveAttributeAsync("aria-current", "true");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(rows.Nth(1)).ToBeFocusedAsync();
        Assert.Equal("3px", await rows.Nth(1).EvaluateAsync<string>("row => getComputedStyle(row).outlineWidth"));

        await page.Keyboard.PressAsync("x");
        await Assertions.Expect(rows.Nth(1).GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByText("1 talep seçili")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("x");
        await Assertions.Expect(rows.Nth(1).GetByRole(AriaRole.Checkbox)).Not.ToBeCheckedAsync();

        var href = await rows.Nth(1).Locator("a[href*='masa/talepler/']").First.GetAttributeAsync("href");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/" + href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LettersTypedInAFieldAreNotShortcuts()
    {
        var page = await QueueAsync();

        var search = page.GetByLabel("Ara", new() { Exact = true });
        await search.FocusAsync();
        await page.Keyboard.TypeAsync("jkx?");

        await Assertions.Expect(search).ToHaveValueAsync("jkx?");
        Assert.Equal(0, await page.Locator(".queue-grid tbody tr[aria-current]").CountAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("0 talep seçili")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TicketPageJumpsToReplyAndNoteAndEscapeLeaves()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.AgentEmail);
        var id = await browser.App.WithDbAsync(db => db.Tickets.Where(t => t.Department!.IsDefault).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        await page.GotoAsync($"/masa/talepler/{id}");
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.deskShortcuts === 'ticket'");
        var reply = page.GetByLabel("Yanıt", new() { Exact = true });
        var note = page.GetByLabel("İç not", new() { Exact = true });

        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(reply).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("rn");
        await Assertions.Expect(reply).ToHaveValueAsync("rn");
        await Assertions.Expect(reply).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(reply).Not.ToBeFocusedAsync();
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(note).ToBeFocusedAsync();
        await Assertions.Expect(note).ToHaveValueAsync("");
        await page.Keyboard.PressAsync("Escape");

        await page.Keyboard.PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Klavye kısayolları" });
        await Assertions.Expect(help).ToBeVisibleAsync();
        foreach (var text in new[] { "Sonraki talebe geç", "Önceki talebe geç", "Seçili talebi aç", "Yanıt kutusuna geç", "İç not kutusuna geç" })
        {
            await Assertions.Expect(help).ToContainTextAsync(text);
        }

        await help.GetByRole(AriaRole.Button, new() { Name = "Kapat" }).ClickAsync();
        await Assertions.Expect(help).ToBeHiddenAsync();
        await Assertions.Expect(reply).ToHaveValueAsync("rn");
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task HelpDialogAndPageHaveNoSeriousAxeViolations(int width)
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AgentEmail, width, width > 600 ? 900 : 844);
        await page.GotoAsync("/masa");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Klavye kısayolları (?)" })).ToBeEnabledAsync();
        await page.Locator(".queue-grid tbody tr").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.deskShortcuts === 'queue'");
        await page.Keyboard.PressAsync("j");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klavye kısayolları (?)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Klavye kısayolları" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/masa with the shortcut dialog at {width} px");

        await page.GotoAsync("/masa/kisayollar");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Talep listesi" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/masa/kisayollar at {width} px");
    }

    private async Task<IPage> QueueAsync()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.AgentEmail);
        await page.GotoAsync("/masa");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Klavye kısayolları (?)" })).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator(".queue-grid tbody tr").Nth(3)).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.deskShortcuts === 'queue'");
        return page;
    }
}

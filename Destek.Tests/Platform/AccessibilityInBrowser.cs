using Destek.Core.Services;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Destek.Tests.Platform;

/// <summary>axe-core finds no serious or critical violation on the main pages, on a laptop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityInBrowser(BrowserFixture browser)
{
    public static TheoryData<string, int> Widths(params string[] paths)
    {
        var data = new TheoryData<string, int>();
        foreach (var path in paths)
        {
            data.Add(path, 1366);
            data.Add(path, 390);
        }

        return data;
    }

    public static TheoryData<string, int> PublicPages => Widths("/destek", "/giris");

    public static TheoryData<string, int> StaffPages => Widths("/masa", "/ayarlar", "/ayarlar/api", "/ayarlar/departmanlar", "/ayarlar/e-postalar");

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPageHasNoSeriousViolation(string path, int width)
    {
        var page = await Axe.SignedInPageAsync(browser, email: null, width, Height(width));
        await page.GotoAsync(path);
        await ScreenshotAsync(page, path, width);
        await Axe.AssertNoSeriousViolationsAsync(page, $"{path} at {width} px");
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task StaffPageHasNoSeriousViolation(string path, int width)
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AdminEmail, width, Height(width));
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        if (path == "/masa")
        {
            await page.Locator("td.q-number a").First.WaitForAsync();
        }

        await ScreenshotAsync(page, path, width);
        await Axe.AssertNoSeriousViolationsAsync(page, $"{path} at {width} px");
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task TicketPageHasNoSeriousViolation(int width)
    {
        var id = await browser.App.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AdminEmail, width, Height(width));
        await page.GotoAsync($"/masa/talepler/{id}");
        await WaitForCircuitAsync(page);
        await ScreenshotAsync(page, "/masa/talepler", width);
        await Axe.AssertNoSeriousViolationsAsync(page, $"/masa/talepler/{id} at {width} px");
    }

    /// <summary>For people to look at the layout: the temp folder gets one picture per page and width.</summary>
    private static Task ScreenshotAsync(IPage page, string path, int width) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"destek{path.Replace('/', '-')}-{width}.png"), FullPage = true });

    private static int Height(int width) => width < 600 ? 844 : 900;

    /// <summary>Checks the page as an agent uses it: after the circuit has started and rendered.</summary>
    private static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
    }
}

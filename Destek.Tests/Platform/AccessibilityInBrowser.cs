using Destek.Core.Data;
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

    [Fact]
    public async Task AxeReportsAKnownViolation()
    {
        var page = await Axe.SignedInPageAsync(browser, email: null, 1366, 900);
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"tr\"><head><title>t</title></head><body><main><button></button></main></body></html>");
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("critical button-name:", StringComparison.Ordinal));
    }

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

    [Theory]
    [InlineData("/masa", 1366)]
    [InlineData("/masa", 390)]
    [InlineData("/ayarlar", 1366)]
    [InlineData("/destek", 390)]
    [InlineData("/giris", 1366)]
    public async Task DarkThemeHasNoSeriousViolation(string path, int width)
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AdminEmail, width, Height(width), ColorScheme.Dark);
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        Assert.Equal(DarkBackground, await BackgroundAsync(page));
        await ScreenshotAsync(page, path + "-dark", width);
        await Axe.AssertNoSeriousViolationsAsync(page, $"{path} at {width} px, dark theme");
    }

    [Fact]
    public async Task ThemeFollowsTheSystemAndTheChoiceIsRemembered()
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AgentEmail, 1366, 900, ColorScheme.Dark);
        await page.GotoAsync("/masa");
        Assert.Equal(DarkBackground, await BackgroundAsync(page));

        // System → dark → light: the switch names the current mode and what a press chooses.
        var toggle = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Tema: ") });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Tema: Sistem teması. Koyu tema seçmek için basın");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Tema: Koyu tema. Açık tema seçmek için basın");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Tema: Açık tema. Sistem teması seçmek için basın");
        Assert.Equal(LightBackground, await BackgroundAsync(page));
        Assert.EndsWith("/masa", page.Url, StringComparison.Ordinal);

        // Remembered across visits, over the system's dark preference.
        await page.GotoAsync("/masa/talepler/1");
        Assert.Equal(LightBackground, await BackgroundAsync(page));

        // The skip link is off-screen until it has the keyboard focus, then it shows on the page.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "İçeriğe geç" });
        await skip.FocusAsync();
        var box = await skip.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.X, 0, 100);
    }

    [Theory]
    [InlineData("/destek")]
    [InlineData("/giris")]
    [InlineData("/masa")]
    [InlineData("/masa/talepler/1")]
    [InlineData("/ayarlar")]
    [InlineData("/ayarlar/api")]
    [InlineData("/ayarlar/departmanlar")]
    [InlineData("/ayarlar/e-postalar")]
    public async Task NothingOverflowsOnAPhone(string path)
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AdminEmail, 390, 844);
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px phone");
    }

    [Fact]
    public async Task AppBarNamesTheSignedInPersonOnLaptopAndPhone()
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AgentEmail, 1366, 900);
        await page.GotoAsync("/masa");
        await Assertions.Expect(page.Locator(".destek-appbar .who")).ToHaveTextAsync("Mehmet Demir");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Ana menü" }).GetByRole(AriaRole.Link, new() { Name = "Talepler" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ayarlar" })).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(390, 844);
        await page.GetByLabel("Menü", new() { Exact = true }).ClickAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menü bağlantıları" });
        await Assertions.Expect(menu).ToContainTextAsync("Oturum: Mehmet Demir");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Talepler" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Çıkış" })).ToBeVisibleAsync();
    }

    private const string DarkBackground = "rgb(16, 22, 28)";
    private const string LightBackground = "rgb(245, 247, 250)";

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static int Height(int width) => width < 600 ? 844 : 900;

    /// <summary>Checks the page as an agent uses it: after the circuit has started and rendered.</summary>
    private static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
    }
}

using System.Text.Json;
using Destek.Tests.ExternalApi;
using Microsoft.Playwright;

namespace Destek.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (Destek.Tests/clients/node_modules, pinned in package.json) in a page and fails on
/// serious or critical violations, listing each rule and the elements that break it.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(ExternalApiFactory.ClientsDirectory, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException("axe-core is missing: run npm ci in Destek.Tests/clients", path);
    });

    /// <summary>
    /// A signed-in context that ignores the app's Content-Security-Policy, so the axe script can be
    /// injected; the app itself is unchanged.
    /// </summary>
    public static async Task<IPage> SignedInPageAsync(BrowserFixture browser, string? email, int width, int height, ColorScheme colorScheme = ColorScheme.Light)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Locale = "tr-TR",
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (email is not null)
        {
            await page.GotoAsync("/giris");
            await page.GetByLabel("E-posta").FillAsync(email);
            await page.GetByLabel("Şifre").FillAsync(DestekAppFactory.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/giris", StringComparison.Ordinal));
        }

        return page;
    }

    /// <summary>The serious and critical violations on the page as it is now, one line per rule.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        }

        var json = await page.EvaluateAsync<string>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')) })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(v =>
            $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}\n    "
            + string.Join("\n    ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))).ToList();
    }

    /// <summary>Fails the test when axe finds a serious or critical violation on the page.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found serious/critical violations on {what}:\n" + string.Join("\n", violations));
    }
}

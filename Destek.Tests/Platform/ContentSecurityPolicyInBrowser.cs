using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Destek.Tests.Platform;

/// <summary>
/// The policy is enforced by a real Chromium: the pages load their scripts, the desk's Blazor circuit
/// connects over its WebSocket, and the browser reports no violation.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ContentSecurityPolicyInBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task ThePagesWorkUnderTheirOwnPolicy()
    {
        var page = await browser.SignedInPageAsync(DemoSeeder.AgentEmail);
        var violations = Watch(page);

        foreach (var path in new[] { "/destek", "/giris" })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        }

        var ticket = await browser.App.WithDbAsync(db =>
            db.Tickets.Where(t => t.Department!.Name == ReferenceData.DefaultDepartment && t.Status != TicketStatus.Closed).OrderByDescending(t => t.Id).FirstAsync());
        var desk = await page.GotoAsync($"/masa/talepler/{ticket.Id}");
        Assert.Contains("frame-ancestors 'none'", (await desk!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        // Enabled only once the circuit is live: blazor.web.js ran and its WebSocket was allowed.
        await Assertions.Expect(page.GetByLabel("Durum")).ToBeEnabledAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task AnInjectedInlineScriptIsBlocked()
    {
        var page = await browser.NewPageAsync();
        var violations = Watch(page);
        await page.GotoAsync("/destek");

        // What a stored XSS would amount to, were escaping ever to fail: the browser refuses to run it.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); }");

        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
        Assert.Contains(violations, v => v.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private static List<string> Watch(IPage page)
    {
        var seen = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (seen)
                {
                    seen.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (seen)
            {
                seen.Add(error);
            }
        };
        return seen;
    }
}

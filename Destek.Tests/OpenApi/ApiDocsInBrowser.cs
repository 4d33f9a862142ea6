using Destek.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Destek.Tests.OpenApi;

/// <summary>
/// /docs in a real Chromium: Scalar's bundled script runs under the page's CSP (its one inline script
/// carries the request's nonce), the documents load from this origin, nothing is fetched from elsewhere
/// and the browser reports no violation. Other pages keep the policy without a nonce.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ApiDocsInBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task ScalarShowsTheDocumentsUnderTheDocsPolicy()
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        var foreign = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (problems)
                {
                    problems.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add(error);
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                lock (foreign)
                {
                    foreign.Add(request.Url);
                }
            }
        };

        var documents = page.WaitForResponseAsync(r => r.Url.Contains("/openapi/", StringComparison.Ordinal) && r.Url.EndsWith(".json", StringComparison.Ordinal));
        var response = await page.GotoAsync("/docs/");
        var policy = (await response!.AllHeadersAsync())["content-security-policy"];
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'", policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal(200, (await documents).Status);
        await Assertions.Expect(page.GetByText("Talep oluşturma").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.Empty(problems);
        Assert.Empty(foreign);

        var other = await page.GotoAsync("/destek");
        Assert.DoesNotContain("nonce-", (await other!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
    }
}

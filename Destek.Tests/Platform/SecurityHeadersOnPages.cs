using System.Net;
using AngleSharp.Html.Parser;
using Destek.App.Platform;
using Destek.Core.Data;
using Destek.Tests.Infrastructure;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.Platform;

/// <summary>
/// Every HTML answer carries a Content-Security-Policy its own page satisfies (scripts from this origin
/// only, no inline script, no framing), nosniff and a Referrer-Policy; every answer carries nosniff.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecurityHeadersOnPages(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Theory]
    [InlineData("/destek", null)]
    [InlineData("/giris", null)]
    [InlineData("/masa", DemoSeeder.AgentEmail)]
    [InlineData("/bulunamayan-bir-sayfa", null)]
    public async Task HtmlPagesCarryThePolicyAndHaveNoInlineScript(string path, string? signedInAs)
    {
        using var client = signedInAs is null ? factory.CreateClient() : await SignedInClientAsync(factory, signedInAs);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(path.StartsWith("/bulunamayan", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(SecurityHeaders.ReferrerPolicy, Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");

        // What the policy forbids must not be on the page: it would be blocked in the browser.
        using var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var scripts = document.Scripts.ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"inline script on {path}: {s.Text}"));
        Assert.All(scripts, s => Assert.DoesNotContain("//", s.Source!, StringComparison.Ordinal));
        Assert.Empty(document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => a.Name));
        Assert.Empty(document.QuerySelectorAll("a[href^='javascript:' i]"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/css/app.css")]
    [InlineData("/api/external/tickets")]
    public async Task EveryAnswerSaysNosniff(string path)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Content-Security-Policy"), $"{path} is not a page");
    }
}

using System.Globalization;
using System.Net;
using Destek.Core.Access;

namespace Destek.Tests.InvoicePlatform;

/// <summary>seed-001: a budget per organization per minute (300 by default, set per organization), X-RateLimit-* on every answer, 429 rate_limited with Retry-After.</summary>
public sealed class InvoiceRateLimit(InvoicePlatformFactory app) : IClassFixture<InvoicePlatformFactory>
{
    [Fact]
    public async Task DefaultIsThreeHundredPerMinuteOnEveryAnswer()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));

        var response = await http.GetAsync(new Uri("/v1/invoices/" + Guid.NewGuid(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("300", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("299", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(reset - app.Clock.GetUtcNow().ToUnixTimeSeconds(), 1, 60);
    }

    [Fact]
    public async Task OrganizationsOwnLimitIsSharedByItsKeysThen429WithRetryAfter()
    {
        var org = await app.NewOrganizationAsync();
        await app.Get<OrganizationKeyAdmin>().SetRateLimitAsync(org, 3);
        using var live = app.ClientWith(await app.KeyAsync(org, sandbox: false));
        using var test = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        // Start at the beginning of a window, so the three requests share it.
        app.Clock.Advance(TimeSpan.FromSeconds(60 - (app.Clock.GetUtcNow().ToUnixTimeSeconds() % 60)));

        var remaining = new List<string>();
        foreach (var http in new[] { live, test, live })
        {
            var ok = await http.GetAsync(new Uri("/v1/invoices", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", ok.Headers.GetValues("X-RateLimit-Limit").Single());
            remaining.Add(ok.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        Assert.Equal(["2", "1", "0"], remaining);
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var refused = await test.GetAsync(new Uri("/v1/invoices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("40", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("0", refused.Headers.GetValues("X-RateLimit-Remaining").Single());
        var body = await InvoicePlatformFactory.JsonAsync(refused);
        Assert.Equal("rate_limited", body.GetProperty("code").GetString());
        Assert.Equal(refused.Headers.GetValues("X-Request-Id").Single(), body.GetProperty("requestId").GetString());

        app.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.OK, (await live.GetAsync(new Uri("/v1/invoices", UriKind.Relative))).StatusCode);
    }
}

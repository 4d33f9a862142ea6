using System.Net;
using System.Text;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.EInvoiceApi;

/// <summary>
/// What stands in front of every e-invoice endpoint: the Bearer token (401), its expiry, revocation,
/// IP allowlist against the real client address, abilities per endpoint, and the feature.einvoice_api module.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceTokenGate(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>
{
    private static readonly Uri List = new("/api/v1/einvoices", UriKind.Relative);

    [Theory]
    [InlineData(null)]
    [InlineData("dpat_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task MissingOrUnknownTokensAre401(string? token)
    {
        using var http = app.ClientWith(token);
        await AssertErrorAsync(await http.GetAsync(List), HttpStatusCode.Unauthorized, "Unauthenticated.", "unauthorized");
    }

    [Fact]
    public async Task ABasicOrMalformedAuthorizationHeaderIs401()
    {
        var org = await app.NewOrganizationAsync("Başlık A.Ş.");
        var token = await app.NewTokenAsync(org);
        using var http = app.ClientWith(null);
        using var basic = new HttpRequestMessage(HttpMethod.Get, List);
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic " + token.Token);
        await AssertErrorAsync(await http.SendAsync(basic), HttpStatusCode.Unauthorized, "Unauthenticated.", "unauthorized");
        using var lower = new HttpRequestMessage(HttpMethod.Get, List);
        lower.Headers.TryAddWithoutValidation("Authorization", "bearer " + token.Token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(lower)).StatusCode);
    }

    [Fact]
    public async Task ATokenStopsWorkingWhenItExpires()
    {
        var org = await app.NewOrganizationAsync("Süre A.Ş.");
        var token = await app.NewTokenAsync(org, days: 30);
        using var http = app.ClientWith(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(List)).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(List)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertErrorAsync(await http.GetAsync(List), HttpStatusCode.Unauthorized, "Unauthenticated.", "unauthorized");
    }

    [Fact]
    public async Task RevocationTakesEffectOnTheNextRequest()
    {
        var org = await app.NewOrganizationAsync("İptal A.Ş.");
        var token = await app.NewTokenAsync(org);
        using var http = app.ClientWith(token.Token);
        // The first request puts the token in the validator's cache; the revoke must not wait for it to lapse.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(List)).StatusCode);
        await app.Get<PersonalAccessTokenAdmin>().RevokeAsync(token.Id);
        await AssertErrorAsync(await http.GetAsync(List), HttpStatusCode.Unauthorized, "Unauthenticated.", "unauthorized");
    }

    [Fact]
    public async Task AbilitiesAreEnforcedPerEndpoint()
    {
        var org = await app.NewOrganizationAsync("Yetki A.Ş.");
        var id = await app.NewInvoiceAsync(org, InvoiceStatus.Sent);
        var readOnly = await app.NewTokenAsync(org, [TokenAbilities.EInvoicesRead]);
        var statusOnly = await app.NewTokenAsync(org, [TokenAbilities.EInvoicesStatus]);
        using (var reader = app.ClientWith(readOnly.Token))
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(List)).StatusCode);
            await AssertErrorAsync(await PostStatusAsync(reader, id), HttpStatusCode.Forbidden, "This action is unauthorized.", "forbidden");
        }

        using var writer = app.ClientWith(statusOnly.Token);
        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync(writer, id)).StatusCode);
        foreach (var path in new[] { "/api/v1/einvoices", $"/api/v1/einvoices/{id}", $"/api/v1/einvoices/{id}/pdf" })
        {
            await AssertErrorAsync(await writer.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.Forbidden, "This action is unauthorized.", "forbidden");
        }

        Assert.Equal("accepted", (await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id))).ProviderStatus);
    }

    [Fact]
    public async Task WithoutTheApiModuleEveryCallIs403NamingIt()
    {
        var org = await app.NewOrganizationAsync("Modülsüz A.Ş.", apiModule: false);
        var id = await app.NewInvoiceAsync(org);
        using var http = app.ClientWith((await app.NewTokenAsync(org, [TokenAbilities.EInvoicesRead, TokenAbilities.EInvoicesStatus])).Token);
        foreach (var response in new[] { await http.GetAsync(List), await http.GetAsync(new Uri($"/api/v1/einvoices/{id}", UriKind.Relative)), await PostStatusAsync(http, id) })
        {
            var body = await AssertErrorAsync(response, HttpStatusCode.Forbidden, null, "forbidden");
            Assert.Contains("feature.einvoice_api", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // Only the webhook module does not open the API either.
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2099, 12, 31));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(List)).StatusCode);
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceApi, new DateOnly(2099, 12, 31));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(List)).StatusCode);
    }

    [Fact]
    public async Task TheModuleLapsesAfterItsLastDayAndAPastDateSwitchesItOff()
    {
        var org = await app.NewOrganizationAsync("Yıllık A.Ş.", apiModule: false);
        var switches = app.Get<ModuleSwitches>();
        var today = OrganizationModule.TodayInTurkey(app.Clock.GetUtcNow());
        await switches.SetAsync(org, ModuleNames.EInvoiceApi, today);
        using var http = app.ClientWith((await app.NewTokenAsync(org, days: 365)).Token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(List)).StatusCode);
        Assert.True(await switches.IsActiveAsync(org, ModuleNames.EInvoiceApi, app.Clock.GetUtcNow()));
        Assert.False(await switches.IsActiveAsync(org, ModuleNames.EInvoiceApi, app.Clock.GetUtcNow().AddDays(1)));

        await switches.SetAsync(org, ModuleNames.EInvoiceApi, today.AddDays(-1));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(List)).StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.7", null, HttpStatusCode.OK)]
    [InlineData("203.0.113.0/24", "198.51.100.7", null, HttpStatusCode.Forbidden)]
    [InlineData("2001:db8::/32", "2001:db8:1::7", null, HttpStatusCode.OK)]
    [InlineData("2001:db8::/32", "2001:db9::7", null, HttpStatusCode.Forbidden)]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7", null, HttpStatusCode.OK)]
    // Behind a trusted proxy the forwarded client address counts, v4 and v6 alike ...
    [InlineData("203.0.113.0/24", "10.9.0.5", "203.0.113.50", HttpStatusCode.OK)]
    [InlineData("2001:db8::/32", "10.9.0.5", "2001:db8::50", HttpStatusCode.OK)]
    [InlineData("203.0.113.0/24", "10.9.0.5", "198.51.100.50", HttpStatusCode.Forbidden)]
    // ... and the proxy's own address does not.
    [InlineData("10.9.0.0/16", "10.9.0.5", "198.51.100.50", HttpStatusCode.Forbidden)]
    // An untrusted peer cannot claim an allowed address with X-Forwarded-For.
    [InlineData("203.0.113.0/24", "198.51.100.9", "203.0.113.50", HttpStatusCode.Forbidden)]
    [InlineData("198.51.100.9", "198.51.100.9", "203.0.113.50", HttpStatusCode.OK)]
    public async Task TheAllowlistChecksTheRealClientAddress(string allow, string peer, string? forwardedFor, HttpStatusCode expected)
    {
        var org = await app.NewOrganizationAsync("IP A.Ş.");
        var token = await app.NewTokenAsync(org, allow: [allow]);
        var response = await app.FromAsync(peer, "/api/v1/einvoices", token.Token, forwardedFor);
        Assert.Equal((int)expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var body = await EInvoiceApiFactory.JsonAsync(response);
            Assert.Equal("This action is unauthorized.", body.GetProperty("message").GetString());
            Assert.Equal("forbidden", body.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task LastUseIsRecordedAtMostOnceAMinute()
    {
        var org = await app.NewOrganizationAsync("Son Kullanım A.Ş.");
        var token = await app.NewTokenAsync(org);
        var first = await app.FromAsync("203.0.113.21", "/api/v1/einvoices", token.Token);
        Assert.Equal(200, first.StatusCode);
        var stored = await StoredAsync(token.Id);
        Assert.Equal(("203.0.113.21", app.Clock.GetUtcNow().UtcDateTime), (stored.LastUsedAddress, stored.LastUsedAt!.Value));

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await app.FromAsync("203.0.113.22", "/api/v1/einvoices", token.Token);
        Assert.Equal("203.0.113.21", (await StoredAsync(token.Id)).LastUsedAddress);

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await app.FromAsync("2001:db8::22", "/api/v1/einvoices", token.Token);
        stored = await StoredAsync(token.Id);
        Assert.Equal(("2001:db8::22", app.Clock.GetUtcNow().UtcDateTime), (stored.LastUsedAddress, stored.LastUsedAt!.Value));
    }

    [Fact]
    public async Task TheOwnersRateLimitIsCountedAndAnswered429()
    {
        var org = await app.NewOrganizationAsync("Limit A.Ş.");
        var token = await app.NewTokenAsync(org);
        using var http = app.ClientWith(token.Token);
        var first = await http.GetAsync(List);
        var remaining = int.Parse(Assert.Single(first.Headers.GetValues("X-RateLimit-Remaining")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(remaining, 0, 299);
        Assert.Single(first.Headers.GetValues("X-RateLimit-Reset"));
        HttpResponseMessage last = first;
        for (var i = 0; i <= remaining; i++)
        {
            last = await http.GetAsync(List);
        }

        var body = await AssertErrorAsync(last, HttpStatusCode.TooManyRequests, "Too Many Attempts.", "rate_limited");
        Assert.True(last.Headers.RetryAfter is not null);
        Assert.True(body.GetProperty("requestId").GetString()!.Length > 0);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private async Task<PersonalAccessToken> StoredAsync(int id) =>
        await app.WithDbAsync(db => db.Set<PersonalAccessToken>().AsNoTracking().SingleAsync(t => t.Id == id));

    private static Task<HttpResponseMessage> PostStatusAsync(HttpClient http, int id) =>
        http.PostAsync(new Uri($"/api/v1/einvoices/{id}/provider-status", UriKind.Relative),
            new StringContent("""{"provider_status":"accepted"}""", Encoding.UTF8, "application/json"));

    private static async Task<System.Text.Json.JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? message, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await EInvoiceApiFactory.JsonAsync(response);
        if (message is not null)
        {
            Assert.Equal(message, body.GetProperty("message").GetString());
        }

        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Request-Id")), body.GetProperty("requestId").GetString());
        return body;
    }
}

using System.Net;
using System.Text.Json;
using Destek.Tests.Infrastructure;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>/cikis: POST with an antiforgery token only, and the cookie it ends is refused at once.</summary>
public sealed class SignOut(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task EndedCookieStopsWorkingAtOnce()
    {
        var (_, email) = await NewUserAsync(factory);
        var browser = await SignedInAsync(factory, email);
        var stolen = CopyOf(factory, browser);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("/masa")).StatusCode);

        var signedOut = await browser.SubmitAsync("/cikis", "", new Dictionary<string, string>(), pagePath: "/masa");

        AssertRedirect(signedOut, "/giris");
        AssertRedirect(await browser.GetAsync("/masa"), "/giris");
        AssertRedirect(await stolen.GetAsync("/masa"), "/giris");
    }

    [Fact]
    public async Task GetDoesNotSignOut()
    {
        var (_, email) = await NewUserAsync(factory);
        var browser = await SignedInAsync(factory, email);

        var response = await browser.GetAsync("/cikis");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("/giris", PathOf(response));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/masa")).StatusCode);
    }

    [Fact]
    public async Task RefusesPostWithoutAntiforgeryToken()
    {
        var (_, email) = await NewUserAsync(factory);
        var browser = await SignedInAsync(factory, email);

        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());
        var response = await browser.Client.PostAsync(new Uri("/cikis", UriKind.Relative), empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("__RequestVerificationToken", body.RootElement.GetProperty("field").GetString());
        Assert.Equal("invalid_request", body.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("requestId").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/masa")).StatusCode);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Destek.Tests.Platform;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed from loopback and Destek:TrustedProxies only; what the
/// app then sees shows in the cookie redirect (scheme and host), the Secure cookie flag, HSTS and the
/// per-IP rate-limit bucket (client address).
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrustedProxyHeaders(PlatformAppFactory factory) : IClassFixture<PlatformAppFactory>
{
    private const string InternalHost = "destek-app:8080";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.9.3.4")]
    [InlineData("::ffff:10.9.3.4")]
    [InlineData("192.0.2.7")]
    public async Task ATrustedProxysSchemeAndHostAreBelieved(string proxy)
    {
        var response = await SendAsync("GET", "/masa", proxy, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "destek.example.com"), ("X-Forwarded-For", "198.51.100.20"));

        Assert.Equal(StatusCodes.Status302Found, response.StatusCode);
        Assert.StartsWith("https://destek.example.com/giris", response.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("max-age=", response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.10.0.1")]
    [InlineData("192.0.2.8")]
    public async Task AnUntrustedPeersForwardedHeadersAreIgnored(string peer)
    {
        var response = await SendAsync("GET", "/masa", peer, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-For", "198.51.100.20"));

        Assert.Equal(StatusCodes.Status302Found, response.StatusCode);
        Assert.StartsWith($"http://{InternalHost}/giris", response.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Empty(response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task CookiesAreSecureWhenTheVisitorUsedHttps()
    {
        var overHttps = await SendAsync("GET", "/giris", "127.0.0.1", ("X-Forwarded-Proto", "https"));
        var overHttp = await SendAsync("GET", "/giris", "127.0.0.1");
        var spoofed = await SendAsync("GET", "/giris", "203.0.113.9", ("X-Forwarded-Proto", "https"));

        Assert.Equal(StatusCodes.Status200OK, overHttps.StatusCode);
        Assert.Contains("; secure", AntiforgeryCookie(overHttps), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", AntiforgeryCookie(overHttp), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", AntiforgeryCookie(spoofed), StringComparison.OrdinalIgnoreCase);
    }

    private static string AntiforgeryCookie(HttpResponse response) =>
        Assert.Single(response.Headers.SetCookie, c => c!.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))!;

    [Fact]
    public async Task TheClientAddressComesFromATrustedProxyOnly()
    {
        const string client = "198.51.100.77";

        // Through a trusted proxy: the forwarded client is the bucket, whatever the client itself
        // put in front of it in X-Forwarded-For.
        var first = await RemainingAsync("10.9.0.1", $"1.2.3.4, {client}");
        var second = await RemainingAsync("10.9.0.2", $"5.6.7.8, {client}");
        Assert.Equal(9, first);
        Assert.Equal(8, second);

        // From an untrusted peer: X-Forwarded-For changes nothing, the peer is the bucket.
        const string peer = "203.0.113.77";
        var a = await RemainingAsync(peer, "198.51.100.251");
        var b = await RemainingAsync(peer, "198.51.100.252");
        Assert.Equal(9, a);
        Assert.Equal(8, b);
    }

    /// <summary>A support-form create (refused as invalid, but counted) and the budget left for its caller.</summary>
    private async Task<int> RemainingAsync(string peer, string forwardedFor)
    {
        var response = await SendAsync("POST", "/api/support/tickets/", peer, ("X-Forwarded-For", forwardedFor), ("Content-Type", "application/x-www-form-urlencoded"));
        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        return int.Parse(response.Headers["X-RateLimit-Remaining"].ToString(), CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponse> SendAsync(string method, string path, string peer, params (string Name, string Value)[] headers)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(InternalHost);
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            foreach (var (name, value) in headers)
            {
                c.Request.Headers[name] = value;
            }

            if (method == "POST")
            {
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("name=x"));
            }
        });
        return context.Response;
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Destek.Core.Identity;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Account;

/// <summary>A browser as the account tests need it: its own cookie jar (copyable), no redirects followed.</summary>
public sealed class Browser(HttpClient client, CookieContainer jar)
{
    public HttpClient Client { get; } = client;
    public CookieContainer Jar { get; } = jar;

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Loads the page's form (for its antiforgery token) and posts it as a browser would, to <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string handler, IDictionary<string, string> fields, string? pagePath = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await Client.GetStringAsync(new Uri(pagePath ?? path, UriKind.Relative));
        var token = AccountKit.AntiforgeryToken(page);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("/giris", "giris", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
}

/// <summary>Fresh users, real form posts, TOTP codes and page scraping for the account tests.</summary>
public static partial class AccountKit
{
    private static int _next;

    public static Browser NewBrowser(DestekAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var jar = new CookieContainer();
        return new Browser(factory.CreateDefaultClient(new CookieJar(jar)), jar);
    }

    /// <summary>A second browser holding a copy of <paramref name="original"/>'s cookies, as a thief or another tab would.</summary>
    public static Browser CopyOf(DestekAppFactory factory, Browser original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var copy = NewBrowser(factory);
        var site = new Uri("http://localhost/");
        foreach (Cookie cookie in original.Jar.GetCookies(site))
        {
            copy.Jar.Add(site, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return copy;
    }

    /// <summary>A new account of its own, so lockouts and stamps of one test never touch another.</summary>
    public static async Task<(int Id, string Email)> NewUserAsync(DestekAppFactory factory, string role = Roles.Agent)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var email = $"hesap{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}"[..24] + "@destek.test";
        var created = await factory.Services.GetRequiredService<UserAdmin>().CreateAsync(email, role, DestekAppFactory.Password, null, []);
        return (created.Id, email);
    }

    /// <summary>Signs in through /giris and asserts it worked: a redirect away from the sign-in pages.</summary>
    public static async Task<Browser> SignedInAsync(DestekAppFactory factory, string email, string? password = null)
    {
        var browser = NewBrowser(factory);
        var response = await browser.SignInAsync(email, password ?? DestekAppFactory.Password);
        AssertRedirect(response);
        Assert.DoesNotContain("giris", PathOf(response), StringComparison.Ordinal);
        return browser;
    }

    public static void AssertRedirect(HttpResponseMessage response, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        if (to is not null)
        {
            Assert.Equal(to, PathOf(response));
        }
    }

    /// <summary>Where a redirect points, as a site path without the query ("/masa").</summary>
    public static string? PathOf(HttpResponseMessage response) =>
        response?.Headers.Location is { } location ? new Uri(new Uri("http://localhost/"), location).AbsolutePath : null;

    /// <summary>The page as text: Blazor writes non-ASCII letters of C# strings as character references.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's error messages (role=alert).</summary>
    public static async Task<IReadOnlyList<string>> AlertsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return AlertPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    public static string AntiforgeryToken(string page)
    {
        var token = AntiforgeryPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    public static async Task<T> WithUsersAsync<T>(DestekAppFactory factory, Func<UserManager<AppUser>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public static Task<AppUser> FindAsync(DestekAppFactory factory, int id) =>
        WithUsersAsync(factory, async users => (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!);

    /// <summary>Sets up the authenticator through /hesap/iki-adimli as a person would; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var setup = await browser.Client.GetStringAsync(new Uri("/hesap/iki-adimli", UriKind.Relative));
        var key = SecretPattern().Match(setup).Groups[1].Value;
        Assert.NotEmpty(key);
        var enabled = await browser.SubmitAsync("/hesap/iki-adimli", "etkinlestir", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = RecoveryCodePattern().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>RFC 6238 (SHA-1, 30 s, 6 digits) as authenticator apps compute it; <paramref name="step"/> shifts by 30 s steps.</summary>
    public static string Totp(string base32Key, int step = 0)
    {
        var counter = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) + step;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("<p class=\"alert\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex AlertPattern();

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>")]
    private static partial Regex RecoveryCodePattern();

    private sealed class CookieJar(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var cookies = jar.GetCookieHeader(uri);
            if (cookies.Length > 0)
            {
                request.Headers.Add("Cookie", cookies);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    jar.SetCookies(uri, setCookie);
                }
            }

            return response;
        }
    }
}

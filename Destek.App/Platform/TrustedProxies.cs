using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Destek.Core;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Destek.App.Platform;

/// <summary>
/// Behind a reverse proxy the connection's address, scheme and host are the proxy's. The framework's
/// forwarded-headers middleware replaces them with X-Forwarded-For/-Proto/-Host, but only when the
/// connection comes from a proxy named in Destek:TrustedProxies (addresses or CIDR networks; loopback
/// is always trusted). Everything downstream — rate limits, idempotency scopes, redirects, cookie
/// flags — then reads the ordinary HttpContext properties.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Destek:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddSingleton<ClientAddress>();
        // Read from the container's configuration when the options are first built, not while the
        // services are registered: settings added later (a test host's, a command line's) count too.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<DestekOptions>>((options, destek) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults (127.0.0.0/8 and ::1) stay: a proxy on the same machine is trusted, as before.
            foreach (var entry in destek.Value.TrustedProxies)
            {
                options.KnownIPNetworks.Add(Parse(entry));
            }

            // Walk back through a chain of trusted proxies and stop at the first address that is not
            // one: that is the client, and whatever it wrote into X-Forwarded-For itself is ignored.
            options.ForwardLimit = null;
        }).ValidateOnStart(); // a mistyped proxy address stops the start-up instead of failing every request

        // Cookies are Secure whenever the original request was HTTPS, which after the middleware
        // is what Request.IsHttps says (antiforgery's default would never set the flag).
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.PostConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    private static System.Net.IPNetwork Parse(string entry) =>
        System.Net.IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : throw new InvalidOperationException($"{Section}: '{entry}' bir IP adresi ya da ağ (CIDR) değil.");
}

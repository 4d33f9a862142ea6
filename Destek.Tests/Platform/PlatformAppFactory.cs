using Destek.App.Platform;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.Platform;

/// <summary>
/// The app behind proxies: it trusts a proxy network and one proxy address besides loopback. Its rate
/// limits run on a clock the test moves, so a window never ends halfway through a test.
/// </summary>
public sealed class PlatformAppFactory : DestekAppFactory
{
    private readonly RateLimits _rateLimits;

    public PlatformAppFactory() => _rateLimits = new RateLimits(Clock);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 30, TimeSpan.Zero));

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:TrustedProxies:0"] = "10.9.0.0/16",
        ["Destek:TrustedProxies:1"] = "192.0.2.7",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(_rateLimits));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _rateLimits.Dispose();
        }
    }
}

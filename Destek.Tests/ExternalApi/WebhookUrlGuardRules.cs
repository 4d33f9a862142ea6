using Destek.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Destek.Tests.ExternalApi;

/// <summary>The SSRF guard: refused unless Destek:Webhooks:AllowPrivateNetworks is explicitly true, in any environment.</summary>
public sealed class WebhookUrlGuardRules
{
    private readonly WebhookUrlGuard _production = new(allowPrivateNetworks: false);
    private readonly WebhookUrlGuard _development = new(allowPrivateNetworks: true);

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.1/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://[::127.0.0.1]/hook")]
    [InlineData("http://[::]/hook")]
    [InlineData("http://[64:ff9b::7f00:1]/hook")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/latest/meta-data")]
    [InlineData("http://[::ffff:0:7f00:1]/hook")]
    [InlineData("http://[2002:7f00:1::1]/hook")]
    [InlineData("http://[fc00::1]/hook")]
    [InlineData("http://[fe80::1%251]/hook")]
    public async Task PrivateLoopbackAndLinkLocalTargetsAreRefusedInProduction(string url)
    {
        await Assert.ThrowsAsync<WebhookAdminException>(() => _production.CheckAsync(url));
        Assert.NotNull(await _development.CheckAsync(url));
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    [InlineData("http://user:pass@93.184.216.34/hook")]
    public async Task OnlyPlainHttpAndHttpsUrlsAreAccepted(string url) =>
        await Assert.ThrowsAsync<WebhookAdminException>(() => _development.CheckAsync(url));

    [Theory]
    [InlineData("https://93.184.216.34/hooks/destek")]
    [InlineData("https://[2606:2800:220:1:248:1893:25c8:1946]/hooks/destek")]
    [InlineData("https://[64:ff9b::5db8:d822]/hooks/destek")]
    [InlineData("https://[::ffff:93.184.216.34]/hooks/destek")]
    public async Task PublicAddressesPass(string url) => Assert.NotNull(await _production.CheckAsync(url));

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task TheEnvironmentNameDoesNotOpenPrivateNetworks(string environment)
    {
        var guard = GuardFor(environment, allowPrivateNetworks: null);
        Assert.False(guard.AllowPrivateNetworks);
        var refused = await Assert.ThrowsAsync<WebhookAdminException>(() => guard.CheckAsync("http://169.254.169.254/latest/meta-data"));
        Assert.Contains("link-local", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnExplicitSettingOpensPrivateNetworks()
    {
        Assert.NotNull(await GuardFor("Production", allowPrivateNetworks: "true").CheckAsync("http://10.1.2.3/hook"));
        await Assert.ThrowsAsync<WebhookAdminException>(() => GuardFor("Development", allowPrivateNetworks: "false").CheckAsync("http://10.1.2.3/hook"));
    }

    /// <summary>The guard as the app's container builds it, from configuration and an environment.</summary>
    private static WebhookUrlGuard GuardFor(string environment, string? allowPrivateNetworks)
    {
        var settings = new Dictionary<string, string?>();
        if (allowPrivateNetworks is not null)
        {
            settings[WebhookOptions.Section + ":AllowPrivateNetworks"] = allowPrivateNetworks;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new NamedEnvironment(environment));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookUrlGuard>();
        return services.BuildServiceProvider().GetRequiredService<WebhookUrlGuard>();
    }

    private sealed class NamedEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Destek.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void TheConnectTimeFilterDropsBlockedAddresses() =>
        Assert.Equal([System.Net.IPAddress.Parse("93.184.216.34")],
            _production.Permitted([System.Net.IPAddress.Loopback, System.Net.IPAddress.Parse("93.184.216.34"), System.Net.IPAddress.Parse("::ffff:10.0.0.1")]));
}

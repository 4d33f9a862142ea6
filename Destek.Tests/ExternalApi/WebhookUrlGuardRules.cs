using Destek.Core.Webhooks;

namespace Destek.Tests.ExternalApi;

/// <summary>The SSRF guard as Production applies it (AllowPrivateNetworks=false).</summary>
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

    [Fact]
    public async Task PublicAddressesPass() => Assert.NotNull(await _production.CheckAsync("https://93.184.216.34/hooks/destek"));

    [Fact]
    public void TheConnectTimeFilterDropsBlockedAddresses() =>
        Assert.Equal([System.Net.IPAddress.Parse("93.184.216.34")],
            _production.Permitted([System.Net.IPAddress.Loopback, System.Net.IPAddress.Parse("93.184.216.34"), System.Net.IPAddress.Parse("::ffff:10.0.0.1")]));
}

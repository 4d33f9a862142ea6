using System.Net;

namespace Destek.Tests.Infrastructure;

[Trait("Category", "Integration")]
public sealed class AppStartup(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task HealthIsOkOnceMigrated()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ServesTheBlazorClientScript()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Blazor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public void KestrelServesOnALoopbackPort()
    {
        using var kestrel = new DestekAppFactory();
        var address = kestrel.StartKestrel();
        Assert.True(address.IsLoopback, address.ToString());
        Assert.NotEqual(0, address.Port);
    }
}

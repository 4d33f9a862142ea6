using System.Net;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Platform;

/// <summary>A factory whose configuration names a source address of its own.</summary>
public sealed class SourceUrlAppFactory : DestekAppFactory
{
    public const string SourceUrl = "https://kod.example.com/destek-fork";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Destek:SourceUrl"] = SourceUrl };
}

/// <summary>
/// Settings reach the app through its options, so whatever the host configures (here the test host)
/// is what the pages and the key ring use, not what the configuration said at registration.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HostConfiguration(SourceUrlAppFactory factory) : IClassFixture<SourceUrlAppFactory>
{
    [Fact]
    public void KeepsDataProtectionKeysInTheHostsDataDirectory()
    {
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("destek-test");

        var roundTrip = protector.Unprotect(protector.Protect("gizli"));

        Assert.Equal("gizli", roundTrip);
        var keys = Path.Combine(factory.DataDirectory, "keys");
        Assert.True(Directory.Exists(keys), $"no keys folder in {factory.DataDirectory}");
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task LinksTheConfiguredSourceAddress()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/destek", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"{SourceUrlAppFactory.SourceUrl}\">Kaynak kodu (AGPL-3.0)</a>", html, StringComparison.Ordinal);
    }
}

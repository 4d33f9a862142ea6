using Destek.Core;
using Destek.Core.ExternalApi;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.ExternalApi;

/// <summary>The list totals live in the framework's memory cache, whose expirations follow the app's TimeProvider.</summary>
public sealed class ExternalCountCacheExpiry : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private int _counted;

    public ExternalCountCacheExpiry()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddDestekCore();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        _services = builder.Services.BuildServiceProvider();
    }

    [Fact]
    public async Task ATotalIsReusedForItsLifetimeThenCountedAgain()
    {
        var cache = new ExternalCountCache(_services.GetRequiredService<IMemoryCache>());

        Assert.Equal(1, await cache.GetOrCountAsync(7, null, null, CountAsync));
        _clock.Advance(ExternalCountCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await cache.GetOrCountAsync(7, null, null, CountAsync));

        _clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(2, await cache.GetOrCountAsync(7, null, null, CountAsync));
    }

    [Fact]
    public async Task ACommitForTheClientMakesItsTotalsStaleAtOnceButNotOtherClients()
    {
        var cache = new ExternalCountCache(_services.GetRequiredService<IMemoryCache>());
        Assert.Equal(1, await cache.GetOrCountAsync(7, 1, "ERP-1", CountAsync));
        Assert.Equal(2, await cache.GetOrCountAsync(8, 1, "ERP-1", CountAsync));

        cache.Changed(7);

        Assert.Equal(3, await cache.GetOrCountAsync(7, 1, "ERP-1", CountAsync));
        Assert.Equal(2, await cache.GetOrCountAsync(8, 1, "ERP-1", CountAsync));
        Assert.Equal(3, await cache.GetOrCountAsync(7, 1, "ERP-1", CountAsync));
    }

    public void Dispose() => _services.Dispose();

    private Task<int> CountAsync() => Task.FromResult(Interlocked.Increment(ref _counted));
}

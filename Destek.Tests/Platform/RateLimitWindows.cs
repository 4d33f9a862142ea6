using System.Globalization;
using Destek.App.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.Platform;

/// <summary>Fixed windows on the app's clock, the X-RateLimit-* headers, and partitions that do not outlive their window.</summary>
public sealed class RateLimitWindows : IDisposable
{
    private static readonly DateTimeOffset TenFifty = new(2026, 11, 23, 10, 0, 50, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(TenFifty);
    private readonly RateLimits _limits;

    public RateLimitWindows() => _limits = new RateLimits(_clock);

    [Fact]
    public void CountsWithinTheWindowAndRefusesWithRetryAfterUntilItEnds()
    {
        var nextMinute = Unix(TenFifty.AddSeconds(10));
        for (var remaining = 2; remaining >= 0; remaining--)
        {
            var (allowed, headers) = Acquire("client:1", 3);
            Assert.True(allowed);
            Assert.Equal("3", headers["X-RateLimit-Limit"]);
            Assert.Equal(remaining.ToString(CultureInfo.InvariantCulture), headers["X-RateLimit-Remaining"]);
            Assert.Equal(nextMinute, headers["X-RateLimit-Reset"]);
            Assert.Empty(headers.RetryAfter.ToString());
        }

        _clock.Advance(TimeSpan.FromSeconds(6));
        var (refused, refusal) = Acquire("client:1", 3);
        Assert.False(refused);
        Assert.Equal("0", refusal["X-RateLimit-Remaining"]);
        Assert.Equal("4", refusal.RetryAfter);
        Assert.Equal(nextMinute, refusal["X-RateLimit-Reset"]);

        _clock.Advance(TimeSpan.FromSeconds(4));
        var (again, fresh) = Acquire("client:1", 3);
        Assert.True(again);
        Assert.Equal("2", fresh["X-RateLimit-Remaining"]);
        Assert.Equal(Unix(TenFifty.AddSeconds(70)), fresh["X-RateLimit-Reset"]);
    }

    [Fact]
    public void KeysLimitsAndPeriodsAreSeparateBudgets()
    {
        Assert.True(Acquire("a", 1).Allowed);
        Assert.False(Acquire("a", 1).Allowed);
        Assert.True(Acquire("b", 1).Allowed);
        // An admin raising a client's limit gives it the new budget at once.
        Assert.True(Acquire("a", 5).Allowed);
        var (hourly, headers) = Acquire("a", 1, TimeSpan.FromHours(1));
        Assert.True(hourly);
        Assert.Equal(Unix(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero)), headers["X-RateLimit-Reset"]);
    }

    [Fact]
    public async Task BucketsAreEvictedOnceTheirWindowIsOver()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.True(Acquire($"ip:203.0.113.{i}", 10).Allowed);
        }

        Assert.True(Acquire("ip:198.51.100.1", 100, TimeSpan.FromHours(1)).Allowed);
        Assert.Equal(51, _limits.LivePartitions);

        // The minute windows end (and ten idle seconds pass); the hour window still runs.
        _clock.Advance(TimeSpan.FromSeconds(10 + 11));
        await EvictionAsync(expected: 1);

        var (_, hour) = Acquire("ip:198.51.100.1", 100, TimeSpan.FromHours(1));
        Assert.Equal("98", hour["X-RateLimit-Remaining"]);
        var (_, minute) = Acquire("ip:203.0.113.0", 10);
        Assert.Equal("9", minute["X-RateLimit-Remaining"]);
        Assert.Equal(2, _limits.LivePartitions);
    }

    public void Dispose() => _limits.Dispose();

    /// <summary>
    /// Eviction is the framework's own 100 ms heartbeat, which no fake clock drives: the clock decides
    /// that a bucket is idle, the heartbeat only notices. Waits for it with a deadline.
    /// </summary>
    private async Task EvictionAsync(int expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (_limits.LivePartitions != expected && !deadline.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Equal(expected, _limits.LivePartitions);
    }

    private (bool Allowed, IHeaderDictionary Headers) Acquire(string key, int limit, TimeSpan? period = null)
    {
        var context = new DefaultHttpContext();
        var allowed = _limits.TryAcquire(context, key, limit, period ?? TimeSpan.FromMinutes(1));
        return (allowed, context.Response.Headers);
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

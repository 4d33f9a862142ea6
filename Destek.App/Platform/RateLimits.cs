using System.Collections.Concurrent;
using System.Globalization;

namespace Destek.App.Platform;

/// <summary>
/// Fixed-window counters per caller, with the X-RateLimit-* headers API-CONVENTIONS.md asks for on
/// every response. In memory: one node. A multi-node deployment would keep the counters in PostgreSQL.
/// </summary>
public sealed class RateLimits(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    /// <summary>Counts one request against <paramref name="key"/>; sets the headers; true when allowed.</summary>
    public bool TryAcquire(HttpContext context, string key, int limit, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        var start = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / (long)period.TotalSeconds * (long)period.TotalSeconds);
        var window = _windows.AddOrUpdate(key, _ => new Window(start, 1), (_, w) => w.Start == start ? w with { Count = w.Count + 1 } : new Window(start, 1));
        var reset = start + period;
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, limit - window.Count).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (window.Count <= limit)
        {
            return true;
        }

        headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((reset - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return false;
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}

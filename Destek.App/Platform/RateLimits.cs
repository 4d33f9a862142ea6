using System.Globalization;
using System.Threading.RateLimiting;

namespace Destek.App.Platform;

/// <summary>
/// Fixed-window budgets per caller, with the X-RateLimit-* headers API-CONVENTIONS.md asks for on
/// every response (Retry-After on refusal). In memory: one node. A multi-node deployment would keep
/// the counters in PostgreSQL.
/// <para>
/// Partitions (one per key, limit and period) live in the framework's <see cref="PartitionedRateLimiter"/>,
/// whose timer evicts a partition once it has been idle for 10 seconds, so a stream of new IPs no
/// longer grows memory for ever. The counter inside a partition is <see cref="WindowLimiter"/> rather
/// than the framework's FixedWindowRateLimiter: that one reads the stopwatch for its windows and its
/// idleness, so tests could not move it with a fake clock and a window could not be aligned to the
/// clock (the Reset header every caller in a window shares). Ours takes both from <see cref="TimeProvider"/>
/// and reports itself idle once its window is over — the moment forgetting it loses nothing.
/// </para>
/// </summary>
public sealed class RateLimits : IDisposable
{
    private static readonly MetadataName<int> Remaining = MetadataName.Create<int>("X-RateLimit-Remaining");
    private static readonly MetadataName<DateTimeOffset> Reset = MetadataName.Create<DateTimeOffset>("X-RateLimit-Reset");

    private readonly TimeProvider _clock;
    private readonly PartitionedRateLimiter<Budget> _limiter;
    private int _livePartitions;

    public RateLimits(TimeProvider clock)
    {
        _clock = clock;
        _limiter = PartitionedRateLimiter.Create<Budget, Budget>(budget => RateLimitPartition.Get(budget, b => new WindowLimiter(this, b)));
    }

    /// <summary>Partitions currently held (evicted ones are gone): what a memory leak would make grow.</summary>
    public int LivePartitions => Volatile.Read(ref _livePartitions);

    /// <summary>Counts one request against <paramref name="key"/>; sets the headers; true when allowed.</summary>
    public bool TryAcquire(HttpContext context, string key, int limit, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromSeconds(1));
        using var lease = _limiter.AttemptAcquire(new Budget(key, Math.Max(0, limit), period));
        lease.TryGetMetadata(Remaining, out var remaining);
        lease.TryGetMetadata(Reset, out var reset);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (lease.IsAcquired)
        {
            return true;
        }

        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return false;
    }

    public void Dispose() => _limiter.Dispose();

    private readonly record struct Budget(string Key, int Limit, TimeSpan Period);

    /// <summary>One caller's window: <see cref="Budget.Limit"/> permits from its start, aligned to the clock, to start + period.</summary>
    private sealed class WindowLimiter : RateLimiter
    {
        private readonly RateLimits _owner;
        private readonly Budget _budget;
        private readonly Lock _lock = new();
        private DateTimeOffset _windowStart;
        private int _used;
        private long _granted;
        private long _refused;
        private int _disposed;

        public WindowLimiter(RateLimits owner, Budget budget)
        {
            _owner = owner;
            _budget = budget;
            _windowStart = WindowStart(owner._clock.GetUtcNow());
            Interlocked.Increment(ref owner._livePartitions);
        }

        /// <summary>Null while the window runs; afterwards how long ago it ended (every permit is back by then).</summary>
        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (_lock)
                {
                    var ended = _windowStart + _budget.Period;
                    var now = _owner._clock.GetUtcNow();
                    return now >= ended ? now - ended : null;
                }
            }
        }

        public override RateLimiterStatistics? GetStatistics()
        {
            lock (_lock)
            {
                return new RateLimiterStatistics
                {
                    CurrentAvailablePermits = Math.Max(0, _budget.Limit - _used),
                    TotalSuccessfulLeases = _granted,
                    TotalFailedLeases = _refused,
                };
            }
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            var now = _owner._clock.GetUtcNow();
            lock (_lock)
            {
                var start = WindowStart(now);
                if (start != _windowStart)
                {
                    _windowStart = start;
                    _used = 0;
                }

                var reset = _windowStart + _budget.Period;
                if (_used + permitCount <= _budget.Limit)
                {
                    _used += permitCount;
                    _granted++;
                    return new WindowLease(true, _budget.Limit - _used, reset, TimeSpan.Zero);
                }

                _refused++;
                return new WindowLease(false, Math.Max(0, _budget.Limit - _used), reset, reset - now);
            }
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref _owner._livePartitions);
            }

            base.Dispose(disposing);
        }

        private DateTimeOffset WindowStart(DateTimeOffset now)
        {
            var period = (long)_budget.Period.TotalSeconds;
            return DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / period * period);
        }
    }

    private sealed class WindowLease(bool acquired, int remaining, DateTimeOffset reset, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [Remaining.Name, Reset.Name, MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == Remaining.Name ? remaining
                : metadataName == Reset.Name ? reset
                : metadataName == MetadataName.RetryAfter.Name && !IsAcquired ? retryAfter
                : null;
            return metadata is not null;
        }
    }
}

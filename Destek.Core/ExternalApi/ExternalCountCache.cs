using System.Collections.Concurrent;

namespace Destek.Core.ExternalApi;

/// <summary>
/// The <c>total</c> of GET /api/external/tickets is a COUNT over all of a client's tickets, which
/// grows with them (4 ms at 50,000 tickets on SQLite) while the page itself stays cheap. ERPs poll
/// that list, so totals are kept for <see cref="Lifetime"/> per client and filter, and dropped as
/// soon as this process commits a new ticket for the client. A status change made in the desk (or
/// a create on another node) shows in a filtered total within <see cref="Lifetime"/>.
/// </summary>
public sealed class ExternalCountCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<int, long> _versions = new();
    private readonly ConcurrentDictionary<(int Client, int Status, string Ref), Entry> _entries = new();

    public async Task<int> GetOrCountAsync(int clientId, int? status, string? externalRef, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var key = (clientId, status ?? -1, externalRef ?? "");
        var version = _versions.GetValueOrDefault(clientId);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && entry.ExpiresAt > now)
        {
            return entry.Total;
        }

        var total = await count();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Stored under the version read before counting: a commit in between makes it stale at once.
        _entries[key] = new Entry(total, version, now + Lifetime);
        return total;
    }

    /// <summary>Called after a commit that added tickets for the client.</summary>
    public void Changed(int clientId) => _versions.AddOrUpdate(clientId, 1, (_, v) => v + 1);

    private sealed record Entry(int Total, long Version, DateTimeOffset ExpiresAt);
}

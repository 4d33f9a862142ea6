using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.ExternalApi;

/// <summary>
/// The <c>total</c> of GET /api/external/tickets is a COUNT over all of a client's tickets, which
/// grows with them (4 ms at 50,000 tickets on SQLite) while the page itself stays cheap. ERPs poll
/// that list, so totals are kept in the memory cache for <see cref="Lifetime"/> per client and filter,
/// and are stale as soon as this process commits a new ticket for the client. A status change made
/// in the desk (or a create on another node) shows in a filtered total within <see cref="Lifetime"/>.
/// </summary>
public sealed class ExternalCountCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    // One number per client, bumped on each commit: a total stored under an older number is stale.
    private readonly ConcurrentDictionary<int, long> _versions = new();

    public async Task<int> GetOrCountAsync(int clientId, int? status, string? externalRef, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var key = new Key(clientId, status ?? -1, externalRef ?? "");
        var version = _versions.GetValueOrDefault(clientId);
        if (cache.TryGetValue(key, out Entry? entry) && entry is not null && entry.Version == version)
        {
            return entry.Total;
        }

        var total = await count();
        // Stored under the version read before counting: a commit in between makes it stale at once.
        cache.Set(key, new Entry(total, version), Lifetime);
        return total;
    }

    /// <summary>Called after a commit that added tickets for the client.</summary>
    public void Changed(int clientId) => _versions.AddOrUpdate(clientId, 1, (_, v) => v + 1);

    private sealed record Key(int Client, int Status, string Ref);

    private sealed record Entry(int Total, long Version);
}

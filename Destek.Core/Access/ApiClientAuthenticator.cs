using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Access;

/// <summary>What a request may do once its key and secret check out.</summary>
public sealed record AuthenticatedClient(int Id, string Name, string ApiKey, IReadOnlyList<int> AllowedDepartmentIds, int RateLimitPerMinute, int Version)
{
    public bool MayUseDepartment(int departmentId) => AllowedDepartmentIds.Count == 0 || AllowedDepartmentIds.Contains(departmentId);
}

public enum ApiAuthResult
{
    Ok = 0,
    MissingCredentials = 1,
    InvalidCredentials = 2,
    Inactive = 3,
}

/// <summary>
/// Checks X-API-Key + X-API-Secret. The row behind a key (id, secret hash, limits, version) is kept in
/// the memory cache for a few seconds so the hot path costs one SHA-256 and no query; ApiClientAdmin drops the entry
/// on rotate/deactivate/update, so in this process an old secret stops working at once. Another node
/// sees the change within <see cref="CacheLifetime"/>. Only clients that exist are cached (a flood of
/// made-up keys cannot grow the cache). LastUsedAt is written at most once a minute per client.
/// </summary>
public sealed class ApiClientAuthenticator(IDbContextFactory<DestekDbContext> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<int, long> _lastUsedWritten = new();

    public async Task<(ApiAuthResult Result, AuthenticatedClient? Client)> AuthenticateAsync(string? apiKey, string? apiSecret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(apiSecret))
        {
            return (ApiAuthResult.MissingCredentials, null);
        }

        if (apiKey.Length > 200 || apiSecret.Length > 200)
        {
            return (ApiAuthResult.InvalidCredentials, null);
        }

        var now = clock.GetUtcNow();
        if (!cache.TryGetValue(new Key(apiKey), out Entry? entry) || entry is null)
        {
            entry = await LoadAsync(apiKey, cancellationToken);
            if (entry is null)
            {
                // Still hash, so an unknown key costs the same as a wrong secret.
                _ = SHA256.HashData(Encoding.UTF8.GetBytes(apiSecret));
                return (ApiAuthResult.InvalidCredentials, null);
            }
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(apiSecret));
        if (!CryptographicOperations.FixedTimeEquals(presented, entry.SecretHash))
        {
            return (ApiAuthResult.InvalidCredentials, null);
        }

        if (!entry.IsActive)
        {
            return (ApiAuthResult.Inactive, null);
        }

        await TouchAsync(entry.Client.Id, now, cancellationToken);
        return (ApiAuthResult.Ok, entry.Client);
    }

    /// <summary>Forgets a cached key: called after every admin change to that client.</summary>
    public void Invalidate(string apiKey) => cache.Remove(new Key(apiKey));

    private async Task<Entry?> LoadAsync(string apiKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<ApiClient>().AsNoTracking().FirstOrDefaultAsync(c => c.ApiKey == apiKey, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var entry = new Entry(
            new AuthenticatedClient(row.Id, row.Name, row.ApiKey, row.AllowedDepartmentIds.ToArray(), row.RateLimitPerMinute, row.Version),
            Convert.FromHexString(row.SecretHash), row.IsActive);
        cache.Set(new Key(apiKey), entry, CacheLifetime);
        return entry;
    }

    private async Task TouchAsync(int clientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = _lastUsedWritten.GetOrAdd(clientId, 0L);
        if (now.UtcTicks - last < LastUsedResolution.Ticks || !_lastUsedWritten.TryUpdate(clientId, now.UtcTicks, last))
        {
            return;
        }

        var at = now.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<ApiClient>().Where(c => c.Id == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, at), cancellationToken);
    }

    private sealed record Key(string ApiKey);

    private sealed record Entry(AuthenticatedClient Client, byte[] SecretHash, bool IsActive);
}

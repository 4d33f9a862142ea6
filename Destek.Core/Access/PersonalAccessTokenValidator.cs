using System.Collections.Concurrent;
using System.Net;
using Destek.Core.Data;
using Destek.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Access;

/// <summary>Who is calling with a valid token: the owner, the organization the token is bound to, and what it may do.</summary>
public sealed record TokenCaller(int TokenId, int UserId, int? OrganizationId, IReadOnlySet<string> Abilities)
{
    public bool Can(string ability) => Abilities.Contains(ability);
}

public enum TokenCheck
{
    Ok = 0,
    Missing = 1,
    Unknown = 2,
    Expired = 3,
    Revoked = 4,
    OwnerInactive = 5,
    AddressNotAllowed = 6,
}

/// <summary>
/// Resolves a Bearer value to a <see cref="TokenCaller"/> or the reason it is refused. The row behind a
/// token hash is kept in the memory cache for a few seconds so the hot path costs one SHA-256 and no
/// query; expiry is judged against the clock on every request, and <see cref="PersonalAccessTokenAdmin"/>
/// drops the entry on revoke, so a revoked token is refused from the next request on. Another node
/// learns of a revoke within <see cref="RevocationCheck"/>: at most once a second it reads a revocation
/// stamp (how many tokens exist and how many are revoked: a revoke only ever raises the second, whatever
/// the nodes' clocks say) and, when the stamp moved, starts a new cache generation, so every token is read
/// again. Last use (time, address) is written at most once a minute per token.
/// </summary>
public sealed class PersonalAccessTokenValidator(IDbContextFactory<DestekDbContext> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RevocationCheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private const int MaxTokenLength = 200;
    private readonly ConcurrentDictionary<int, long> _lastUsedWritten = new();
    private readonly SemaphoreSlim _stampGate = new(1, 1);
    private long _stampReadAt;
    private (int All, int Revoked) _stamp = (-1, -1);
    private int _generation;

    public async Task<(TokenCheck Result, TokenCaller? Caller)> ValidateAsync(string? bearer, IPAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrEmpty(bearer))
        {
            return (TokenCheck.Missing, null);
        }

        if (bearer.Length > MaxTokenLength)
        {
            return (TokenCheck.Unknown, null);
        }

        var hash = ApiClient.HashSecret(bearer);
        var generation = await GenerationAsync(cancellationToken);
        if (!cache.TryGetValue(new Key(hash, generation), out Entry? entry) || entry is null)
        {
            entry = await LoadAsync(hash, generation, cancellationToken);
            if (entry is null)
            {
                return (TokenCheck.Unknown, null);
            }
        }

        var now = clock.GetUtcNow();
        if (entry.RevokedAt is not null)
        {
            return (TokenCheck.Revoked, null);
        }

        if (now.UtcDateTime >= entry.ExpiresAt)
        {
            return (TokenCheck.Expired, null);
        }

        if (!entry.OwnerActive)
        {
            return (TokenCheck.OwnerInactive, null);
        }

        if (!PersonalAccessToken.Allows(entry.AllowedNetworks, address))
        {
            return (TokenCheck.AddressNotAllowed, null);
        }

        await TouchAsync(entry.Caller.TokenId, now, address, cancellationToken);
        return (TokenCheck.Ok, entry.Caller);
    }

    /// <summary>Forgets a cached token: called after every admin change to it.</summary>
    public void Invalidate(string tokenHash) => cache.Remove(new Key(tokenHash, Volatile.Read(ref _generation)));

    /// <summary>The cache generation: moves on when the revocation stamp changed since it was last read (at most once per <see cref="RevocationCheck"/>).</summary>
    private async ValueTask<int> GenerationAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow().UtcTicks - Volatile.Read(ref _stampReadAt) < RevocationCheck.Ticks)
        {
            return Volatile.Read(ref _generation);
        }

        // One reader refreshes the stamp; requests arriving meanwhile wait for its answer instead of querying too.
        await _stampGate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcTicks;
            if (now - _stampReadAt >= RevocationCheck.Ticks)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var stamp = await db.Set<PersonalAccessToken>().GroupBy(_ => 1)
                    .Select(g => new { All = g.Count(), Revoked = g.Count(t => t.RevokedAt != null) })
                    .FirstOrDefaultAsync(cancellationToken);
                var read = (stamp?.All ?? 0, stamp?.Revoked ?? 0);
                if (read != _stamp)
                {
                    _stamp = read;
                    Volatile.Write(ref _generation, _generation + 1);
                }

                Volatile.Write(ref _stampReadAt, now);
            }

            return _generation;
        }
        finally
        {
            _stampGate.Release();
        }
    }

    private async Task<Entry?> LoadAsync(string hash, int generation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<PersonalAccessToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new
            {
                Token = t,
                OwnerActive = db.Set<AppUser>().Any(u => u.Id == t.UserId && u.IsActive),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var token = row.Token;
        var entry = new Entry(
            new TokenCaller(token.Id, token.UserId, token.OrganizationId, token.Abilities.ToHashSet(StringComparer.Ordinal)),
            token.AllowedNetworks.ToArray(), token.ExpiresAt, token.RevokedAt, row.OwnerActive);
        cache.Set(new Key(hash, generation), entry, CacheLifetime);
        return entry;
    }

    private async Task TouchAsync(int tokenId, DateTimeOffset now, IPAddress address, CancellationToken cancellationToken)
    {
        var last = _lastUsedWritten.GetOrAdd(tokenId, 0L);
        if (now.UtcTicks - last < LastUsedResolution.Ticks || !_lastUsedWritten.TryUpdate(tokenId, now.UtcTicks, last))
        {
            return;
        }

        var at = now.UtcDateTime;
        var from = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<PersonalAccessToken>().Where(t => t.Id == tokenId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, at).SetProperty(t => t.LastUsedAddress, from), cancellationToken);
    }

    private sealed record Key(string TokenHash, int Generation);

    private sealed record Entry(TokenCaller Caller, IReadOnlyList<string> AllowedNetworks, DateTime ExpiresAt, DateTime? RevokedAt, bool OwnerActive);
}

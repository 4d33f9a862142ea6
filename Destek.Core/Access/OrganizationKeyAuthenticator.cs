using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Access;

/// <summary>Who is calling the invoice platform: the organization, the key and its mode, and the organization's budget.</summary>
public sealed record OrganizationCaller(int KeyId, int OrganizationId, bool IsSandbox, int RateLimitPerMinute);

/// <summary>
/// Resolves an X-Api-Key to its <see cref="OrganizationCaller"/>. Keys (found or not) and budgets are kept in the
/// memory cache for <see cref="Lifetime"/>, keys by their hash, so a busy integrator costs no
/// query per request; a revoke on this node drops the entry at once. Last use is written at most once
/// a minute per key, so the list shows it without a write on every request.
/// </summary>
public sealed class OrganizationKeyAuthenticator(IDbContextFactory<DestekDbContext> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);
    public const int MaxKeyLength = 200;

    public async Task<OrganizationCaller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = ApiClient.HashSecret(presented);
        var key = await cache.GetOrCreateAsync(new CacheKey(hash), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Set<OrganizationKey>().AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null)
                .Select(k => new KnownKey(k.Id, k.OrganizationId, k.IsSandbox)).FirstOrDefaultAsync(cancellationToken);
        });

        // The prefix and the stored mode must agree, so a key can never be read as the other mode.
        if (key is null || key.IsSandbox != OrganizationKey.LooksSandbox(presented))
        {
            return null;
        }

        var limit = await cache.GetOrCreateAsync(new PolicyKey(key.OrganizationId), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Set<OrganizationKeyPolicy>().Where(p => p.OrganizationId == key.OrganizationId)
                .Select(p => (int?)p.RateLimitPerMinute).FirstOrDefaultAsync(cancellationToken) ?? OrganizationKeyPolicy.DefaultRateLimitPerMinute;
        });

        await TouchAsync(key.Id, cancellationToken);
        return new OrganizationCaller(key.Id, key.OrganizationId, key.IsSandbox, limit);
    }

    /// <summary>A revoked key: refused on this node from the next request.</summary>
    public void Forget(string keyHash) => cache.Remove(new CacheKey(keyHash));

    /// <summary>The organization's budget changed: read again on its next request.</summary>
    public void ForgetOrganization(int organizationId) => cache.Remove(new PolicyKey(organizationId));

    private async Task TouchAsync(int keyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(new TouchKey(keyId), out DateTimeOffset last) && now - last < LastUseResolution)
        {
            return;
        }

        cache.Set(new TouchKey(keyId), now, LastUseResolution);
        var at = now.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<OrganizationKey>().Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), cancellationToken);
    }

    private sealed record CacheKey(string Hash);

    private sealed record TouchKey(int KeyId);

    private sealed record PolicyKey(int OrganizationId);

    private sealed record KnownKey(int Id, int OrganizationId, bool IsSandbox);
}

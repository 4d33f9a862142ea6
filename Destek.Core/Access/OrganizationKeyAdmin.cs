using Destek.Core.Customers;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Access;

public sealed record CreatedOrganizationKey(int Id, string Key);

public sealed record OrganizationKeyView(
    int Id, int OrganizationId, string Name, bool IsSandbox, string Hint, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>Admin operations on organization keys and the organization's request budget, for the settings screen and the CLI.</summary>
public sealed class OrganizationKeyAdmin(IDbContextFactory<DestekDbContext> dbFactory, OrganizationKeyAuthenticator authenticator, TimeProvider clock)
{
    /// <summary>A new key; its plain value is returned this once.</summary>
    public async Task<CreatedOrganizationKey> CreateAsync(int organizationId, bool sandbox, string? name = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<CustomerOrganization>().AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            throw new OrganizationKeyException($"Organizasyon bulunamadı: {organizationId}.");
        }

        var (key, plain) = OrganizationKey.Create(organizationId, sandbox, name, clock.GetUtcNow().UtcDateTime);
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedOrganizationKey(key.Id, plain);
    }

    public async Task<IReadOnlyList<OrganizationKeyView>> ListAsync(int? organizationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<OrganizationKey>().AsNoTracking()
            .Where(k => organizationId == null || k.OrganizationId == organizationId)
            .OrderBy(k => k.OrganizationId).ThenBy(k => k.Id)
            .Select(k => new OrganizationKeyView(k.Id, k.OrganizationId, k.Name, k.IsSandbox, k.Hint, k.CreatedAt, k.RevokedAt, k.LastUsedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Stops the key at once on this node (the cache entry goes with it), within the cache lifetime on others.</summary>
    public async Task<OrganizationKeyView> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.Set<OrganizationKey>().FirstOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new OrganizationKeyException($"Anahtar bulunamadı: {id}.");
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Forget(key.KeyHash);
        return new OrganizationKeyView(key.Id, key.OrganizationId, key.Name, key.IsSandbox, key.Hint, key.CreatedAt, key.RevokedAt, key.LastUsedAt);
    }

    public async Task<int> RateLimitAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<OrganizationKeyPolicy>().Where(p => p.OrganizationId == organizationId)
            .Select(p => (int?)p.RateLimitPerMinute).FirstOrDefaultAsync(cancellationToken) ?? OrganizationKeyPolicy.DefaultRateLimitPerMinute;
    }

    /// <summary>Sets the organization's requests per minute on the invoice platform.</summary>
    public async Task SetRateLimitAsync(int organizationId, int perMinute, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<CustomerOrganization>().AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            throw new OrganizationKeyException($"Organizasyon bulunamadı: {organizationId}.");
        }

        var policy = await db.Set<OrganizationKeyPolicy>().FirstOrDefaultAsync(p => p.OrganizationId == organizationId, cancellationToken);
        if (policy is null)
        {
            db.Add(OrganizationKeyPolicy.Create(organizationId, perMinute, now));
        }
        else
        {
            policy.ChangeRateLimit(perMinute, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        authenticator.ForgetOrganization(organizationId);
    }
}

using Destek.Core.Customers;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Invoices;

public sealed record ModuleState(int OrganizationId, string Module, DateOnly ValidUntil, bool Active);

/// <summary>
/// Who holds which module until when. <see cref="IsActiveAsync"/> is the one check every gate calls
/// (the e-invoice API now, the e-invoice webhooks later); an organization's rows are cached for a few
/// seconds and dropped on every <see cref="SetAsync"/>, so a switch takes effect at once on this node.
/// </summary>
public sealed class ModuleSwitches(IDbContextFactory<DestekDbContext> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    public async Task<bool> IsActiveAsync(int organizationId, string module, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var modules = await ForOrganizationAsync(organizationId, cancellationToken);
        return modules.TryGetValue(module, out var until) && OrganizationModule.IsActive(until, now);
    }

    /// <summary>Grants or extends a module through <paramref name="validUntil"/>; a past day switches it off.</summary>
    public async Task<ModuleState> SetAsync(int organizationId, string module, DateOnly validUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        module = module.Trim();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<CustomerOrganization>().AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            throw new ModuleAdminException($"Organizasyon bulunamadı: {organizationId}.");
        }

        var row = await db.Set<OrganizationModule>().FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.Module == module, cancellationToken);
        if (row is null)
        {
            row = OrganizationModule.Create(organizationId, module, validUntil, now.UtcDateTime);
            db.Add(row);
        }
        else
        {
            row.Extend(validUntil, now.UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(new Key(organizationId));
        return new ModuleState(organizationId, module, validUntil, row.IsActiveAt(now));
    }

    /// <summary>Every module row (all organizations, or one), with whether it is active now.</summary>
    public async Task<IReadOnlyList<ModuleState>> ListAsync(int? organizationId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<OrganizationModule>().AsNoTracking();
        if (organizationId is { } org)
        {
            rows = rows.Where(m => m.OrganizationId == org);
        }

        var list = await rows.OrderBy(m => m.OrganizationId).ThenBy(m => m.Module).ToListAsync(cancellationToken);
        return list.Select(m => new ModuleState(m.OrganizationId, m.Module, m.ValidUntil, m.IsActiveAt(now))).ToList();
    }

    private async Task<IReadOnlyDictionary<string, DateOnly>> ForOrganizationAsync(int organizationId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(new Key(organizationId), out IReadOnlyDictionary<string, DateOnly>? cached) && cached is not null)
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<OrganizationModule>().AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Select(m => new { m.Module, m.ValidUntil }).ToListAsync(cancellationToken);
        IReadOnlyDictionary<string, DateOnly> modules = rows.ToDictionary(m => m.Module, m => m.ValidUntil, StringComparer.Ordinal);
        cache.Set(new Key(organizationId), modules, CacheLifetime);
        return modules;
    }

    private sealed record Key(int OrganizationId);
}

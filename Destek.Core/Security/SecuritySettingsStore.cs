using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Security;

/// <summary>
/// Reads and changes <see cref="SecuritySettings"/>. Read on every staff request (the sign-in
/// cookie is revalidated each time), so the row is cached; a change in this process evicts it at once.
/// </summary>
public sealed class SecuritySettingsStore(IDbContextFactory<DestekDbContext> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    private const string CacheKey = "destek:security-settings";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    public async Task<bool> RequireStaffTwoFactorAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out bool required))
        {
            return required;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        required = await db.Set<SecuritySettings>().AsNoTracking()
            .Where(s => s.Id == SecuritySettings.SingletonId).Select(s => s.RequireStaffTwoFactor).FirstOrDefaultAsync(cancellationToken);
        cache.Set(CacheKey, required, CacheLifetime);
        return required;
    }

    public async Task SetRequireStaffTwoFactorAsync(bool required, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var settings = await db.Set<SecuritySettings>().FirstOrDefaultAsync(s => s.Id == SecuritySettings.SingletonId, cancellationToken);
            if (settings is null)
            {
                settings = SecuritySettings.Defaults();
                db.Add(settings);
            }

            settings.SetRequireStaffTwoFactor(required, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Remove(CacheKey);
    }
}

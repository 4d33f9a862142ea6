using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Identity;

/// <summary>
/// The "Sistem" user that authors messages which no person wrote, such as the external API comments
/// (<c>"user_id": …, "user_name": "Sistem"</c>). It has no password and no role, is inactive, and
/// so can never sign in. Created on first need; its id is whatever the database gives it (the
/// seed's 1 is only an example).
/// </summary>
public sealed class SystemUser(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock)
{
    public const string UserName = "sistem";
    public const string DisplayName = "Sistem";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _id;

    public async Task<int> IdAsync(CancellationToken cancellationToken = default)
    {
        if (_id != 0)
        {
            return _id;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_id != 0)
            {
                return _id;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var normalized = UserName.ToUpperInvariant();
            var id = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                var user = new AppUser
                {
                    UserName = UserName,
                    NormalizedUserName = normalized,
                    FullName = DisplayName,
                    IsActive = false,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.Users.Add(user);
                await db.SaveChangesAsync(cancellationToken);
                id = user.Id;
            }

            _id = id.Value;
            return _id;
        }
        finally
        {
            _gate.Release();
        }
    }
}

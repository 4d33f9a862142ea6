using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Customers;

/// <summary>
/// A signed-in customer as every customer-facing surface sees them (the API's session cookie today,
/// a personal access token later, the portal's circuit): whatever the credential, it resolves to this.
/// </summary>
public sealed record CustomerAccount(int UserId, Guid PublicId, string Name, string Email)
{
    public Actor Actor => Actor.Customer(Name, Email, UserId);
}

/// <summary>
/// Finds customer accounts: active, e-mail confirmed, in the Customer role and in no staff role
/// (staff never act as customers, whatever credential they hold).
/// </summary>
public sealed class CustomerDirectory(IDbContextFactory<DestekDbContext> dbFactory)
{
    public async Task<CustomerAccount?> FindAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive && u.EmailConfirmed && u.Email != null)
            .Select(u => new { u.Id, u.PublicId, u.FullName, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return roles.Contains(Roles.Customer) && !roles.Contains(Roles.Admin) && !roles.Contains(Roles.Agent)
            ? new CustomerAccount(user.Id, user.PublicId, user.FullName, user.Email!)
            : null;
    }

    /// <summary>The confirmed customer account an e-mail address belongs to, if any: whose tickets filed under it become.</summary>
    /// <summary>The confirmed customers owning any of these addresses, by lower-case address: one query for a whole batch.</summary>
    public static async Task<Dictionary<string, int>> ClaimantsAsync(DestekDbContext db, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(emails);
        var normalized = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToUpperInvariant()).Distinct().ToList();
        if (normalized.Count == 0)
        {
            return [];
        }

        var customerRole = db.Roles.Where(r => r.Name == Roles.Customer).Select(r => r.Id);
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Agent).Select(r => r.Id);
        var owners = await db.Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedEmail!) && u.EmailConfirmed && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && customerRole.Contains(ur.RoleId))
                && !db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.NormalizedEmail })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var owner in owners)
        {
            result.TryAdd(owner.NormalizedEmail!.ToLowerInvariant(), owner.Id);
        }

        return result;
    }

    public static Task<int?> ClaimantAsync(DestekDbContext db, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(email))
        {
            return Task.FromResult<int?>(null);
        }

        var normalized = email.Trim().ToUpperInvariant();
        var customerRole = db.Roles.Where(r => r.Name == Roles.Customer).Select(r => r.Id);
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Agent).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && customerRole.Contains(ur.RoleId))
                && !db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            .Select(u => (int?)u.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}

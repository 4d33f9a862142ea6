using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Access;

public sealed record CreatedToken(int Id, string Name, string Token, DateTime ExpiresAt);

public sealed record TokenSummary(
    int Id, int UserId, string OwnerName, int? OrganizationId, string Name, string Hint, IReadOnlyList<string> Abilities,
    IReadOnlyList<string> AllowedNetworks, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, string? LastUsedAddress);

/// <summary>
/// Creating, listing and revoking personal access tokens, for the admin screen, the CLI and (later)
/// the customer portal. The plain token leaves only through <see cref="CreateAsync"/>; a revoke drops
/// the validator's cached entry so it is refused from the next request on.
/// </summary>
public sealed class PersonalAccessTokenAdmin(IDbContextFactory<DestekDbContext> dbFactory, PersonalAccessTokenValidator validator, TimeProvider clock)
{
    public async Task<CreatedToken> CreateAsync(
        int userId, int? organizationId, string name, IEnumerable<string> abilities, int expiresInDays, IEnumerable<string> allowlist,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<AppUser>().AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            throw new TokenAdminException($"Token sahibi kullanıcı bulunamadı veya aktif değil: {userId}.");
        }

        if (organizationId is { } org && !await db.Set<CustomerOrganization>().AnyAsync(o => o.Id == org, cancellationToken))
        {
            throw new TokenAdminException($"Organizasyon bulunamadı: {org}.");
        }

        var (token, plain) = PersonalAccessToken.Create(userId, organizationId, name, abilities, expiresInDays, allowlist, clock.GetUtcNow().UtcDateTime);
        db.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token.Id, token.Name, plain, token.ExpiresAt);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(int? organizationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = db.Set<PersonalAccessToken>().AsNoTracking();
        if (organizationId is { } org)
        {
            tokens = tokens.Where(t => t.OrganizationId == org);
        }

        var rows = await tokens
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new { Token = t, Owner = db.Set<AppUser>().Where(u => u.Id == t.UserId).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TokenSummary(
            r.Token.Id, r.Token.UserId, r.Owner ?? "", r.Token.OrganizationId, r.Token.Name, r.Token.Hint, r.Token.Abilities, r.Token.AllowedNetworks,
            r.Token.CreatedAt, r.Token.ExpiresAt, r.Token.RevokedAt, r.Token.LastUsedAt, r.Token.LastUsedAddress)).ToList();
    }

    /// <summary>Revokes the token; refused from the very next request (the validator's cache entry is dropped after the commit).</summary>
    public async Task RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.Set<PersonalAccessToken>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new TokenAdminException($"Token bulunamadı: {id}.");
        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        validator.Invalidate(token.TokenHash);
    }

    /// <summary>The oldest active admin: the owner of tokens made on the command line, where nobody is signed in.</summary>
    public async Task<int> DefaultOwnerAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admins = from u in db.Users
                     join ur in db.UserRoles on u.Id equals ur.UserId
                     join r in db.Roles on ur.RoleId equals r.Id
                     where r.Name == Roles.Admin && u.IsActive
                     orderby u.Id
                     select (int?)u.Id;
        return await admins.FirstOrDefaultAsync(cancellationToken)
            ?? throw new TokenAdminException("Token sahibi olacak aktif bir yönetici yok: önce bir Admin kullanıcı oluşturun.");
    }

    public async Task<int> UserIdByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new TokenAdminException($"Kullanıcı bulunamadı: {email}.");
    }
}

using Destek.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Core.Identity;

public sealed record CreatedUser(int Id, string Email, string FullName, string Role, IReadOnlyList<int> Departments);

public sealed class UserAdminException(string message) : Exception(message);

/// <summary>Creates users for the CLI, the demo seed and admin screens.</summary>
public sealed class UserAdmin(IServiceScopeFactory scopes, IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CreatedUser> CreateAsync(string email, string role, string password, string? fullName, IReadOnlyList<int> departmentIds, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role))
        {
            throw new UserAdminException($"Bilinmeyen rol '{role}'. Geçerli roller: {string.Join(", ", Roles.All)}.");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var known = await db.Departments.Where(d => departmentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
            var missing = departmentIds.Except(known).ToList();
            if (missing.Count > 0)
            {
                throw new UserAdminException($"Departman bulunamadı: {string.Join(", ", missing)}.");
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = string.IsNullOrWhiteSpace(fullName) ? email.Split('@')[0] : fullName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Departments = departmentIds.Distinct().Select(id => new StaffDepartment { DepartmentId = id }).ToList(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new UserAdminException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            throw new UserAdminException(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        if (role == Roles.Customer)
        {
            // An admin's customer is confirmed: the address's tickets are theirs now (CustomerClaims).
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await Customers.CustomerClaims.ClaimExistingAsync(db, user.Id, email, cancellationToken);
        }

        return new CreatedUser(user.Id, email, user.FullName, role, departmentIds.Distinct().ToList());
    }

    /// <summary>
    /// Deactivates or reactivates an account. The security stamp changes with it, so the user's
    /// open sessions and circuits end at their next check instead of living on until they expire.
    /// </summary>
    public async Task SetActiveAsync(int userId, bool active)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new UserAdminException($"Kullanıcı bulunamadı: {userId}.");
        user.IsActive = active;
        // Saves IsActive together with the new stamp.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            throw new UserAdminException(string.Join(" ", updated.Errors.Select(e => e.Description)));
        }
    }
}

using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Organization;

/// <summary>Reads staff users as the ticket rules see them (role and departments).</summary>
public sealed class StaffDirectory(IDbContextFactory<DestekDbContext> dbFactory)
{
    public async Task<StaffMember?> FindAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, userId, cancellationToken);
    }

    public static async Task<StaffMember?> FindAsync(DestekDbContext db, int userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.FullName, u.Email, Departments = u.Departments.Select(d => d.DepartmentId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOfAsync(db, userId, cancellationToken);
        if (!roles.Contains(Roles.Admin) && !roles.Contains(Roles.Agent))
        {
            return null;
        }

        return new StaffMember(user.Id, user.FullName, user.Email ?? "", roles.Contains(Roles.Admin), user.Departments);
    }

    /// <summary>Staff who can take tickets of a department (its agents, and all admins).</summary>
    public async Task<IReadOnlyList<StaffOption>> AssignableAsync(int? departmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staffRoleIds = db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Agent).Select(r => r.Id);
        var adminRoleId = db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id);
        var query = db.Users.AsNoTracking().Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)));
        if (departmentId is int id)
        {
            query = query.Where(u => u.Departments.Any(d => d.DepartmentId == id) || db.UserRoles.Any(ur => ur.UserId == u.Id && adminRoleId.Contains(ur.RoleId)));
        }

        return await query.OrderBy(u => u.FullName).Select(u => new StaffOption(u.Id, u.FullName, u.Email ?? "")).ToListAsync(cancellationToken);
    }

    private static async Task<List<string>> RolesOfAsync(DestekDbContext db, int userId, CancellationToken cancellationToken) =>
        await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
}

public sealed record StaffOption(int Id, string Name, string Email);

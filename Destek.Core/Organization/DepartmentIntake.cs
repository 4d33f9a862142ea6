using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Organization;

/// <summary>A department as ticket intake sees it.</summary>
public sealed record DepartmentState(int Id, string Name, bool IsActive, bool IsDefault);

/// <summary>
/// The departments as every create asks about them (exists? active? the default?). Under a flood of API creates the
/// look-up was an eighth of the server's CPU, so the list is kept for a moment: an admin's change is seen at once on
/// this node (<see cref="OrganizationAdmin"/> forgets the list) and within <see cref="Lifetime"/> on the others.
/// </summary>
public sealed class DepartmentIntake(IDbContextFactory<DestekDbContext> dbFactory, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private static readonly object Key = new();

    public async Task<IReadOnlyList<DepartmentState>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return (IReadOnlyList<DepartmentState>)await db.Departments.AsNoTracking()
                .Select(d => new DepartmentState(d.Id, d.Name, d.IsActive, d.IsDefault)).ToListAsync(cancellationToken);
        }))!;

    /// <summary>Throws <see cref="TicketRuleException"/> for a department that does not exist or is inactive.</summary>
    public async Task EnsureTakesTicketsAsync(int departmentId, CancellationToken cancellationToken = default)
    {
        var department = (await DepartmentsAsync(cancellationToken)).FirstOrDefault(d => d.Id == departmentId)
            ?? throw new TicketRuleException($"Departman bulunamadı: {departmentId}");
        if (!department.IsActive)
        {
            throw new TicketRuleException($"{department.Name} departmanı pasif.");
        }
    }

    public void Forget() => cache.Remove(Key);
}

using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Tickets;

public sealed record AssignmentRuleRow(int DepartmentId, string DepartmentName, bool IsEnabled, AssignmentStrategy Strategy, int? OpenTicketCap);

/// <summary>Departments' assignment rules (admins) and each agent's availability switch (the agent).</summary>
public sealed class AssignmentAdmin(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<AssignmentRuleRow>> RulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = db.Set<AssignmentRule>();
        return await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Name)
            .Select(d => new AssignmentRuleRow(d.Id, d.Name,
                rules.Where(r => r.DepartmentId == d.Id).Select(r => r.IsEnabled).FirstOrDefault(),
                rules.Where(r => r.DepartmentId == d.Id).Select(r => r.Strategy).FirstOrDefault(),
                rules.Where(r => r.DepartmentId == d.Id).Select(r => r.OpenTicketCap).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task ConfigureAsync(int departmentId, bool enabled, AssignmentStrategy strategy, int? openTicketCap, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            throw new TicketRuleException($"Departman bulunamadı: {departmentId}");
        }

        var rule = await db.Set<AssignmentRule>().FirstOrDefaultAsync(r => r.DepartmentId == departmentId, cancellationToken);
        if (rule is null)
        {
            rule = new AssignmentRule(departmentId);
            db.Add(rule);
        }

        rule.Configure(enabled, strategy, openTicketCap);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> IsAvailableAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<AgentAvailability>().AsNoTracking().AnyAsync(a => a.UserId == userId && a.IsAvailable, cancellationToken);
    }

    public async Task SetAvailableAsync(int userId, bool available, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<AgentAvailability>().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new AgentAvailability(userId);
            db.Add(row);
        }

        row.Set(available, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }
}

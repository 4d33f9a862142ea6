using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Organization;

public sealed record SlaPolicyRow(int Id, TicketPriority Priority, int? DepartmentId, string? DepartmentName, int FirstResponseMinutes, int ResolutionMinutes);

public sealed record DepartmentMemberRow(int DepartmentId, int UserId, string Name, bool IsLead);

/// <summary>The admin screen's reads and writes: weekly hours, holidays, policies and department leads.</summary>
public sealed class SlaAdmin(IDbContextFactory<DestekDbContext> dbFactory, SlaRules rules)
{
    public async Task<IReadOnlyList<BusinessCalendarDay>> DaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.Set<BusinessCalendarDay>().AsNoTracking().ToListAsync(cancellationToken);
        // Monday first, as a Turkish week is read.
        return days.OrderBy(d => ((int)d.Day + 6) % 7).ToList();
    }

    public async Task SaveDaysAsync(IReadOnlyList<(DayOfWeek Day, bool IsOpen, TimeOnly Opens, TimeOnly Closes)> week, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.Set<BusinessCalendarDay>().ToDictionaryAsync(d => d.Day, cancellationToken);
        foreach (var (day, isOpen, opens, closes) in week)
        {
            if (days.TryGetValue(day, out var row))
            {
                row.Change(isOpen, opens, closes);
            }
            else
            {
                db.Add(new BusinessCalendarDay(day, isOpen, opens, closes));
            }
        }

        await SaveAsync(db, cancellationToken);
    }

    public async Task<IReadOnlyList<BusinessCalendarHoliday>> HolidaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<BusinessCalendarHoliday>().AsNoTracking().OrderBy(h => h.Date).ToListAsync(cancellationToken);
    }

    public async Task<BusinessCalendarHoliday> AddHolidayAsync(DateOnly date, string name, bool recursYearly, TimeOnly? closesAt, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holiday = new BusinessCalendarHoliday(date, name, recursYearly, closesAt);
        if (await db.Set<BusinessCalendarHoliday>().AnyAsync(h => h.Date == date, cancellationToken))
        {
            throw new OrganizationRuleException($"{date:dd.MM.yyyy} için zaten bir tatil var.");
        }

        db.Add(holiday);
        await SaveAsync(db, cancellationToken);
        return holiday;
    }

    public async Task RemoveHolidayAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<BusinessCalendarHoliday>().Where(h => h.Id == id).ExecuteDeleteAsync(cancellationToken);
        rules.Forget();
    }

    public async Task<IReadOnlyList<SlaPolicyRow>> PoliciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<SlaPolicy>().AsNoTracking()
            .Select(p => new SlaPolicyRow(p.Id, p.Priority, p.DepartmentId,
                db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.Name).FirstOrDefault(), p.FirstResponseMinutes, p.ResolutionMinutes))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DepartmentName ?? "").ThenByDescending(r => r.Priority).ToList();
    }

    /// <summary>Sets the targets of a priority (for a department, or all with null): changes the existing policy or adds one.</summary>
    public async Task SavePolicyAsync(TicketPriority priority, int? departmentId, int firstResponseMinutes, int resolutionMinutes, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(priority))
        {
            throw new OrganizationRuleException("Bilinmeyen öncelik.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (departmentId is int id && !await db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
        {
            throw new OrganizationRuleException($"Departman bulunamadı: {id}");
        }

        var policy = await db.Set<SlaPolicy>().FirstOrDefaultAsync(p => p.Priority == priority && p.DepartmentId == departmentId, cancellationToken);
        if (policy is null)
        {
            db.Add(new SlaPolicy(priority, departmentId, firstResponseMinutes, resolutionMinutes));
        }
        else
        {
            policy.ChangeTargets(firstResponseMinutes, resolutionMinutes);
        }

        await SaveAsync(db, cancellationToken);
    }

    public async Task RemovePolicyAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<SlaPolicy>().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        rules.Forget();
    }

    /// <summary>Staff of every department, with whether they lead it.</summary>
    public async Task<IReadOnlyList<DepartmentMemberRow>> MembersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StaffDepartments.AsNoTracking().Where(s => s.User!.IsActive)
            .OrderBy(s => s.DepartmentId).ThenBy(s => s.User!.FullName)
            .Select(s => new DepartmentMemberRow(s.DepartmentId, s.UserId, s.User!.FullName, s.IsLead))
            .ToListAsync(cancellationToken);
    }

    public async Task SetLeadAsync(int departmentId, int userId, bool isLead, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.StaffDepartments.Where(s => s.DepartmentId == departmentId && s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsLead, isLead), cancellationToken);
        if (changed == 0)
        {
            throw new OrganizationRuleException("Bu kişi bu departmanda çalışmıyor.");
        }
    }

    private async Task SaveAsync(DestekDbContext db, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        rules.Forget();
    }
}

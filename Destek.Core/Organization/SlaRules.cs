using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Destek.Core.Organization;

/// <summary>The calendar and the policies as one value, read together.</summary>
public sealed class SlaRuleSet(BusinessCalendar calendar, IReadOnlyList<SlaPolicy> policies)
{
    public BusinessCalendar Calendar { get; } = calendar;
    public IReadOnlyList<SlaPolicy> Policies { get; } = policies;

    /// <summary>The department's own policy for the priority, else the one for all departments, else none.</summary>
    public SlaTargets? TargetsFor(TicketPriority priority, int departmentId) =>
        (Policies.FirstOrDefault(p => p.Priority == priority && p.DepartmentId == departmentId)
            ?? Policies.FirstOrDefault(p => p.Priority == priority && p.DepartmentId == null))?.Targets;
}

/// <summary>
/// Reads the SLA rules through the framework cache: every ticket save needs them, and they change only when an
/// admin edits them (which clears the cache here; another node sees the edit within <see cref="Keep"/>).
/// </summary>
public sealed class SlaRules(IMemoryCache cache, IOptions<SlaOptions> options)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private static readonly object Key = new();

    public async Task<SlaRuleSet> GetAsync(ITicketEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (cache.TryGetValue(Key, out SlaRuleSet? cached) && cached is not null)
        {
            return cached;
        }

        var days = await sink.Query<BusinessCalendarDay>().ToListAsync(cancellationToken);
        var holidays = await sink.Query<BusinessCalendarHoliday>().ToListAsync(cancellationToken);
        var policies = await sink.Query<SlaPolicy>().ToListAsync(cancellationToken);
        var set = new SlaRuleSet(new BusinessCalendar(BusinessCalendar.FindZone(options.Value.TimeZone), days, holidays), policies);
        cache.Set(Key, set, Keep);
        return set;
    }

    public void Forget() => cache.Remove(Key);
}

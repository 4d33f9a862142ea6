using Destek.Core.Tickets;

namespace Destek.Core.Organization;

/// <summary>
/// The targets for a priority, in business minutes: first public staff reply, and resolution. A policy
/// with a department applies to that department's tickets and wins over the one without (all departments).
/// </summary>
public sealed class SlaPolicy
{
    /// <summary>A year of business hours is more than any promise a helpdesk makes.</summary>
    public const int MaxMinutes = 60 * 24 * 365;

    private SlaPolicy()
    {
    }

    public SlaPolicy(TicketPriority priority, int? departmentId, int firstResponseMinutes, int resolutionMinutes)
    {
        Priority = priority;
        DepartmentId = departmentId;
        ChangeTargets(firstResponseMinutes, resolutionMinutes);
    }

    public int Id { get; private set; }
    public TicketPriority Priority { get; private set; }
    public int? DepartmentId { get; private set; }
    public int FirstResponseMinutes { get; private set; }
    public int ResolutionMinutes { get; private set; }

    public SlaTargets Targets => new(TimeSpan.FromMinutes(FirstResponseMinutes), TimeSpan.FromMinutes(ResolutionMinutes));

    public void ChangeTargets(int firstResponseMinutes, int resolutionMinutes)
    {
        if (firstResponseMinutes is < 1 or > MaxMinutes)
        {
            throw new OrganizationRuleException("İlk yanıt hedefi 1 dakika ile 1 yıl arasında olmalıdır.");
        }

        if (resolutionMinutes is < 1 or > MaxMinutes)
        {
            throw new OrganizationRuleException("Çözüm hedefi 1 dakika ile 1 yıl arasında olmalıdır.");
        }

        if (resolutionMinutes < firstResponseMinutes)
        {
            throw new OrganizationRuleException("Çözüm hedefi ilk yanıt hedefinden kısa olamaz.");
        }

        FirstResponseMinutes = firstResponseMinutes;
        ResolutionMinutes = resolutionMinutes;
    }
}

/// <summary>What a ticket is promised, in business time.</summary>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolution);

/// <summary>Which of a ticket's two SLA clocks (stored as text: first_response, resolution).</summary>
public enum SlaKind
{
    FirstResponse = 0,
    Resolution = 1,
}

namespace Destek.Core.Organization;

/// <summary>Destek:Sla — how the SLA clock is watched. The targets and the calendar are data, edited at /admin/settings/sla.</summary>
public sealed class SlaOptions
{
    public const string Section = "Destek:Sla";

    /// <summary>The calendar's time zone.</summary>
    public string TimeZone { get; set; } = "Europe/Istanbul";

    /// <summary>Share of a target used up when the escalation goes out (0.8 = at 80 %).</summary>
    public double EscalationThreshold { get; set; } = 0.8;

    /// <summary>The queue's "SLA ihlali yakın" view: tickets due within this time (and those already overdue).</summary>
    public TimeSpan NearBreachWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the escalation job looks.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back the job looks for due and escalation times it has not handled (a server down longer misses them).</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The threshold kept within (0, 1]; anything else means the default.</summary>
    public double Threshold => EscalationThreshold is > 0 and <= 1 ? EscalationThreshold : 0.8;
}

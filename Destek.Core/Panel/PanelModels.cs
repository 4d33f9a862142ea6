namespace Destek.Core.Panel;

public enum PanelUnit
{
    Count = 0,
    Duration = 1,
    Percent = 2,
    Score = 3,
}

/// <summary>
/// One figure of the panel. Value is null when the figure has no data (no tickets in the range) or its
/// source is not there yet (SLA compliance, CSAT average: see PanelQueries.Slots.cs).
/// For durations the value is in seconds.
/// </summary>
public sealed record PanelFigure(string Key, string Label, double? Value, PanelUnit Unit, string? Note = null);

public sealed record BacklogRow(int? Id, string Name, int Open, int Unassigned);

public sealed record DayCount(DateOnly Day, int Created, int Solved);

/// <summary>Who looks (admins see every department, agents their own) and which department they chose.</summary>
public sealed record PanelScope(Tickets.StaffMember Viewer, int? DepartmentId = null);

public sealed record PanelReport(
    PanelPeriod Period,
    IReadOnlyList<PanelFigure> Figures,
    IReadOnlyList<BacklogRow> ByDepartment,
    IReadOnlyList<BacklogRow> ByAgent,
    IReadOnlyList<DayCount> Daily);

/// <summary>The median and 90th percentile of a set of durations (seconds), interpolated like PostgreSQL's percentile_cont.</summary>
public sealed record DurationStats(int Count, double? Median, double? P90);

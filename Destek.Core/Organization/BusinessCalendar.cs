namespace Destek.Core.Organization;

/// <summary>
/// The business hours SLA targets are counted in: one opening window per weekday, in one time zone,
/// minus holidays (a whole day, or a half day that closes early, such as a bayram's arife). Pure math
/// over UTC instants; the rows it is built from are <see cref="BusinessCalendarDay"/> and <see cref="BusinessCalendarHoliday"/>.
/// </summary>
public sealed class BusinessCalendar
{
    // Ten years of days: a calendar with no open hour at all must end the search, not loop forever.
    private const int MaxDays = 3660;

    private readonly Dictionary<DayOfWeek, (TimeOnly Opens, TimeOnly Closes)> _week;
    private readonly Dictionary<DateOnly, TimeOnly?> _dates = [];
    private readonly Dictionary<(int Month, int Day), TimeOnly?> _yearly = [];

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<BusinessCalendarDay> days, IEnumerable<BusinessCalendarHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(holidays);
        Zone = zone;
        _week = days.Where(d => d.IsOpen && d.Closes > d.Opens).ToDictionary(d => d.Day, d => (d.Opens, d.Closes));
        foreach (var holiday in holidays)
        {
            if (holiday.RecursYearly)
            {
                _yearly[(holiday.Date.Month, holiday.Date.Day)] = holiday.ClosesAt;
            }
            else
            {
                _dates[holiday.Date] = holiday.ClosesAt;
            }
        }
    }

    public TimeZoneInfo Zone { get; }

    public bool HasOpenHours => _week.Count > 0;

    /// <summary>The local opening window of a calendar day, or null when the business is closed all day.</summary>
    public (TimeOnly Opens, TimeOnly Closes)? Window(DateOnly day)
    {
        if (!_week.TryGetValue(day.DayOfWeek, out var hours))
        {
            return null;
        }

        TimeOnly? closesEarly = null;
        if (_dates.TryGetValue(day, out var dated))
        {
            if (dated is null)
            {
                return null;
            }

            closesEarly = dated;
        }
        else if (_yearly.TryGetValue((day.Month, day.Day), out var yearly))
        {
            if (yearly is null)
            {
                return null;
            }

            closesEarly = yearly;
        }

        var closes = closesEarly is { } early && early < hours.Closes ? early : hours.Closes;
        return closes > hours.Opens ? (hours.Opens, closes) : null;
    }

    /// <summary>The instant <paramref name="businessTime"/> of open hours after <paramref name="startUtc"/>; null if the calendar never opens.</summary>
    public DateTime? Add(DateTime startUtc, TimeSpan businessTime)
    {
        if (businessTime <= TimeSpan.Zero)
        {
            return startUtc;
        }

        var remaining = businessTime;
        var local = ToLocal(startUtc);
        var day = DateOnly.FromDateTime(local);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (Window(day) is not { } window)
            {
                continue;
            }

            var opens = day.ToDateTime(window.Opens);
            var closes = day.ToDateTime(window.Closes);
            var from = local > opens ? local : opens;
            if (from >= closes)
            {
                continue;
            }

            var available = closes - from;
            if (remaining <= available)
            {
                return ToUtc(from + remaining);
            }

            remaining -= available;
        }

        return null;
    }

    /// <summary>Open hours between two instants (zero when <paramref name="toUtc"/> is not later).</summary>
    public TimeSpan Between(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc)
        {
            return TimeSpan.Zero;
        }

        var from = ToLocal(fromUtc);
        var to = ToLocal(toUtc);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (Window(day) is not { } window)
            {
                continue;
            }

            var opens = day.ToDateTime(window.Opens);
            var closes = day.ToDateTime(window.Closes);
            var start = from > opens ? from : opens;
            var end = to < closes ? to : closes;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    private DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>Europe/Istanbul, or a fixed UTC+3 zone where the system has no time zone data (Turkey has kept +3 all year since 2016).</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("TRT", TimeSpan.FromHours(3), "Türkiye", "Türkiye");
        }
    }
}

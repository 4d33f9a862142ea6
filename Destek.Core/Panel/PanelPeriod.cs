namespace Destek.Core.Panel;

/// <summary>
/// The panel's days are Istanbul calendar days: a range of days [First, Last] becomes the UTC
/// interval [FromUtc, ToUtc). Today and this week (Monday first) are read from the clock.
/// </summary>
public sealed record PanelPeriod(DateOnly First, DateOnly Last)
{
    public const int MaxDays = 366;

    private static readonly TimeZoneInfo Istanbul = FindIstanbul();

    public DateTime FromUtc => DayStartUtc(First);

    public DateTime ToUtc => DayStartUtc(Last.AddDays(1));

    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>A range a person chose; the days in order, at most <see cref="MaxDays"/>.</summary>
    public static PanelPeriod Of(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            (first, last) = (last, first);
        }

        return last.DayNumber - first.DayNumber + 1 > MaxDays ? new PanelPeriod(last.AddDays(1 - MaxDays), last) : new PanelPeriod(first, last);
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Istanbul).DateTime);

    /// <summary>The last seven days, today included: the panel's default.</summary>
    public static PanelPeriod LastSevenDays(DateTimeOffset now) => new(Today(now).AddDays(-6), Today(now));

    public static PanelPeriod TodayOf(DateTimeOffset now) => new(Today(now), Today(now));

    /// <summary>Monday to today.</summary>
    public static PanelPeriod ThisWeek(DateTimeOffset now)
    {
        var today = Today(now);
        var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
        return new PanelPeriod(today.AddDays(-sinceMonday), today);
    }

    public static DateTime DayStartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Istanbul);

    /// <summary>Istanbul's offset at the range's start (the figures group days by it; Türkiye keeps UTC+3 all year).</summary>
    public TimeSpan Offset => Istanbul.GetUtcOffset(FromUtc);

    private static TimeZoneInfo FindIstanbul()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("TRT", TimeSpan.FromHours(3), "Türkiye", "Türkiye");
        }
    }
}

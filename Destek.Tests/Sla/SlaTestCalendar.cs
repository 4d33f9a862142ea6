using Destek.Core.Organization;

namespace Destek.Tests.Sla;

/// <summary>The seeded calendar, built in memory: Monday to Friday 09:00–18:00 Istanbul, with a few of the seeded holidays.</summary>
internal static class SlaTestCalendar
{
    public static readonly TimeZoneInfo Istanbul = BusinessCalendar.FindZone("Europe/Istanbul");

    public static BusinessCalendar Create() => new(
        Istanbul,
        Enum.GetValues<DayOfWeek>().Select(d => new BusinessCalendarDay(d, d is not (DayOfWeek.Saturday or DayOfWeek.Sunday), new(9, 0), new(18, 0))),
        [
            new BusinessCalendarHoliday(new DateOnly(2026, 1, 1), "Yılbaşı", recursYearly: true),
            new BusinessCalendarHoliday(new DateOnly(2026, 10, 28), "Cumhuriyet Bayramı arifesi", recursYearly: true, closesAt: new TimeOnly(13, 0)),
            new BusinessCalendarHoliday(new DateOnly(2026, 10, 29), "Cumhuriyet Bayramı", recursYearly: true),
            new BusinessCalendarHoliday(new DateOnly(2026, 12, 2), "Test tatili", recursYearly: false),
        ]);

    /// <summary>An Istanbul wall-clock time as the UTC instant it is.</summary>
    public static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Istanbul);
}

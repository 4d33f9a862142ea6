using static Destek.Tests.Sla.SlaTestCalendar;

namespace Destek.Tests.Sla;

public sealed class BusinessCalendarMath
{
    [Fact]
    public void CarriesTheRemainderOverTheWeekend()
    {
        // Friday 17:00 + 2 business hours: one on Friday, one on Monday.
        var due = Create().Add(Local(2026, 11, 27, 17), TimeSpan.FromHours(2));
        Assert.Equal(Local(2026, 11, 30, 10), due);
    }

    [Fact]
    public void StartsCountingAtOpeningWhenStartedOutsideHours()
    {
        Assert.Equal(Local(2026, 11, 30, 9, 30), Create().Add(Local(2026, 11, 28, 12), TimeSpan.FromMinutes(30)));
        Assert.Equal(Local(2026, 11, 30, 9, 30), Create().Add(Local(2026, 11, 27, 19), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void SkipsAHolidayAndStopsAtOneOnItsArife()
    {
        // Tuesday 27 Oct 17:00 + 6 h: 1 h Tuesday, 4 h on the arife (09–13), 29 Oct closed, 1 h Friday.
        var due = Create().Add(Local(2026, 10, 27, 17), TimeSpan.FromHours(6));
        Assert.Equal(Local(2026, 10, 30, 10), due);
    }

    [Fact]
    public void RepeatsAYearlyHolidayInLaterYears()
    {
        // 1 January 2027 is a Friday: Thursday 31 Dec 17:00 + 2 h ends on Monday 4 January.
        Assert.Equal(Local(2027, 1, 4, 10), Create().Add(Local(2026, 12, 31, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void CountsOnlyOpenHoursBetweenTwoInstants()
    {
        var calendar = Create();
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(Local(2026, 11, 27, 17), Local(2026, 11, 30, 10)));
        // Tuesday 1 Dec 17:00 to Thursday 3 Dec 10:00, with Wednesday a holiday.
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(Local(2026, 12, 1, 17), Local(2026, 12, 3, 10)));
        Assert.Equal(TimeSpan.Zero, calendar.Between(Local(2026, 11, 28, 9), Local(2026, 11, 29, 20)));
    }

    [Fact]
    public void GivesNoDueTimeWhenTheCalendarNeverOpens()
    {
        var closed = new Destek.Core.Organization.BusinessCalendar(Istanbul,
            Enum.GetValues<DayOfWeek>().Select(d => new Destek.Core.Organization.BusinessCalendarDay(d, false, new(9, 0), new(18, 0))), []);
        Assert.Null(closed.Add(Local(2026, 11, 27, 10), TimeSpan.FromHours(1)));
    }
}

namespace Destek.Core.Organization;

/// <summary>One weekday of the business calendar: open or closed, and its hours (local time).</summary>
public sealed class BusinessCalendarDay
{
    private BusinessCalendarDay()
    {
    }

    public BusinessCalendarDay(DayOfWeek day, bool isOpen, TimeOnly opens, TimeOnly closes)
    {
        Day = day;
        Change(isOpen, opens, closes);
    }

    public DayOfWeek Day { get; private set; }
    public bool IsOpen { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }

    public void Change(bool isOpen, TimeOnly opens, TimeOnly closes)
    {
        if (isOpen && closes <= opens)
        {
            throw new OrganizationRuleException($"{Names[(int)Day]}: kapanış saati açılış saatinden sonra olmalıdır.");
        }

        IsOpen = isOpen;
        Opens = opens;
        Closes = closes;
    }

    /// <summary>Turkish day names, indexed by <see cref="DayOfWeek"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"];
}

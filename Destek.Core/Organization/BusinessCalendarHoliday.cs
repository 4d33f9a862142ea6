namespace Destek.Core.Organization;

/// <summary>
/// A day the business is closed, or closes early (<see cref="ClosesAt"/>, e.g. 13:00 on a bayram's arife).
/// A yearly holiday (the national days) matches its month and day in every year; the others (the
/// religious holidays, which move) match their date only.
/// </summary>
public sealed class BusinessCalendarHoliday
{
    public const int NameMaxLength = 100;

    private BusinessCalendarHoliday()
    {
    }

    public BusinessCalendarHoliday(DateOnly date, string name, bool recursYearly, TimeOnly? closesAt = null)
    {
        Change(date, name, recursYearly, closesAt);
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    public bool RecursYearly { get; private set; }
    /// <summary>Null: closed all day. Else a half day: open until this local time.</summary>
    public TimeOnly? ClosesAt { get; private set; }

    public void Change(DateOnly date, string name, bool recursYearly, TimeOnly? closesAt)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 2 or > NameMaxLength)
        {
            throw new OrganizationRuleException($"Tatil adı 2-{NameMaxLength} karakter olmalıdır.");
        }

        Date = date;
        Name = trimmed;
        RecursYearly = recursYearly;
        ClosesAt = closesAt;
    }
}

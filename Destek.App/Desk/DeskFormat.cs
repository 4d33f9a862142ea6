using System.Globalization;
using Destek.Core.Tickets;

namespace Destek.App.Desk;

/// <summary>How the desk shows times, statuses and priorities to people (Turkish, Istanbul time).</summary>
public static class DeskFormat
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private static readonly TimeZoneInfo Istanbul = FindIstanbul();

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Istanbul).ToString("dd.MM.yyyy HH:mm", Turkish);

    /// <summary>The UTC instant an Istanbul calendar day begins (for date filters typed by people).</summary>
    public static DateTime DayStartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Istanbul);

    public static string StatusClass(TicketStatus status) => "status-" + status.ToString().ToLowerInvariant();

    public static string PriorityClass(TicketPriority priority) => "priority-" + priority.ToString().ToLowerInvariant();

    public static string Source(TicketSource source) => source switch
    {
        TicketSource.WebForm => "Web formu",
        TicketSource.Portal => "Müşteri portalı",
        TicketSource.Api => "API",
        TicketSource.Agent => "Personel",
        TicketSource.Email => "E-posta",
        _ => source.ToString(),
    };

    public static string Field(HistoryField field) => field switch
    {
        HistoryField.Status => "Durum",
        HistoryField.Priority => "Öncelik",
        HistoryField.Assignee => "Atanan",
        HistoryField.Department => "Departman",
        HistoryField.Category => "Kategori",
        HistoryField.Merge => "Birleştirme",
        HistoryField.Split => "Ayırma",
        _ => field.ToString(),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", Turkish) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", Turkish) + " MB",
    };

    private static TimeZoneInfo FindIstanbul()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
        }
        catch (TimeZoneNotFoundException)
        {
            // Turkey has kept UTC+3 all year since 2016.
            return TimeZoneInfo.CreateCustomTimeZone("TRT", TimeSpan.FromHours(3), "Türkiye", "Türkiye");
        }
    }
}

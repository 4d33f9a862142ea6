namespace Destek.Core.Tickets;

/// <summary>
/// How the internal lifecycle is named at each API's edge. This table is the only place the
/// mapping lives; every surface calls it.
/// <code>
/// internal     | seed-000 (external) | seed-002 (support form) | seed-004 (customer)
/// -------------+---------------------+-------------------------+-------------------------------------------
/// Open         | open                | pending                 | acik, or cevaplandi if staff spoke last
/// InProgress   | in_progress         | in_progress             | acik, or cevaplandi if staff spoke last
/// Resolved     | resolved            | resolved                | kapatildi
/// Closed       | closed              | closed                  | kapatildi
///
/// priority     | seed-000/002        | seed-004
/// Low          | low                 | dusuk
/// Medium       | medium              | orta
/// High         | high                | yuksek
/// Urgent       | urgent              | acil
/// </code>
/// Parsing is strict: an unknown name yields null so the caller can answer 400/422 naming the field.
/// </summary>
public static class TicketLifecycle
{
    private static readonly (TicketStatus Status, string External, string SupportForm)[] StatusNames =
    [
        (TicketStatus.Open, "open", "pending"),
        (TicketStatus.InProgress, "in_progress", "in_progress"),
        (TicketStatus.Resolved, "resolved", "resolved"),
        (TicketStatus.Closed, "closed", "closed"),
    ];

    private static readonly (TicketPriority Priority, string English, string Turkish)[] PriorityNames =
    [
        (TicketPriority.Low, "low", "dusuk"),
        (TicketPriority.Medium, "medium", "orta"),
        (TicketPriority.High, "high", "yuksek"),
        (TicketPriority.Urgent, "urgent", "acil"),
    ];

    public const string CustomerOpen = "acik";
    public const string CustomerAnswered = "cevaplandi";
    public const string CustomerClosed = "kapatildi";

    public static string ToExternal(TicketStatus status) => StatusNames.Single(s => s.Status == status).External;

    public static TicketStatus? FromExternal(string? name) =>
        StatusNames.Where(s => s.External == name).Select(s => (TicketStatus?)s.Status).FirstOrDefault();

    public static string ToSupportForm(TicketStatus status) => StatusNames.Single(s => s.Status == status).SupportForm;

    public static TicketStatus? FromSupportForm(string? name) =>
        StatusNames.Where(s => s.SupportForm == name).Select(s => (TicketStatus?)s.Status).FirstOrDefault();

    public static string ToCustomer(TicketStatus status, bool staffSpokeLast) => status switch
    {
        TicketStatus.Resolved or TicketStatus.Closed => CustomerClosed,
        _ when staffSpokeLast => CustomerAnswered,
        _ => CustomerOpen,
    };

    public static bool IsCustomerStatus(string? name) => name is CustomerOpen or CustomerAnswered or CustomerClosed;

    public static string ToEnglish(TicketPriority priority) => PriorityNames.Single(p => p.Priority == priority).English;

    public static TicketPriority? FromEnglish(string? name) =>
        PriorityNames.Where(p => p.English == name).Select(p => (TicketPriority?)p.Priority).FirstOrDefault();

    public static string ToTurkish(TicketPriority priority) => PriorityNames.Single(p => p.Priority == priority).Turkish;

    public static TicketPriority? FromTurkish(string? name) =>
        PriorityNames.Where(p => p.Turkish == name).Select(p => (TicketPriority?)p.Priority).FirstOrDefault();

    /// <summary>Turkish labels for people (the desk, e-mails).</summary>
    public static string Label(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Açık",
        TicketStatus.InProgress => "İşlemde",
        TicketStatus.Resolved => "Çözüldü",
        TicketStatus.Closed => "Kapatıldı",
        _ => status.ToString(),
    };

    public static string Label(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "Düşük",
        TicketPriority.Medium => "Orta",
        TicketPriority.High => "Yüksek",
        TicketPriority.Urgent => "Acil",
        _ => priority.ToString(),
    };
}

namespace Destek.Core.Tickets;

/// <summary>
/// How the internal lifecycle is named at each API's edge and to people. This table is the only
/// place the mapping lives; every surface, screen and e-mail calls it.
/// <code>
/// internal     | label (screens, mail) | external API | support form API | customer API
/// -------------+-----------------------+--------------+------------------+-----------------------------------------
/// Open         | Açık                  | open         | pending          | acik, or cevaplandi if staff spoke last
/// InProgress   | İşlemde               | in_progress  | in_progress      | acik, or cevaplandi if staff spoke last
/// Resolved     | Çözüldü               | resolved     | resolved         | kapatildi
/// Closed       | Kapatıldı             | closed       | closed           | kapatildi
///
/// customer API | label to customers (portal)
/// acik         | Açık
/// cevaplandi   | Cevaplandı
/// kapatildi    | Kapatıldı
///
/// priority     | label                 | external and support form API | customer API
/// Low          | Düşük                 | low                           | dusuk
/// Medium       | Orta                  | medium                        | orta
/// High         | Yüksek                | high                          | yuksek
/// Urgent       | Acil                  | urgent                        | acil
/// </code>
/// The support form's own document labels Open "Beklemede"; people see one word for one state, so
/// its e-mails say "Açık" like the desk (its API value stays "pending").
/// Parsing is strict: an unknown name yields null so the caller can answer 400/422 naming the field.
/// </summary>
public static class TicketLifecycle
{
    private static readonly (TicketStatus Status, string Label, string External, string SupportForm)[] StatusNames =
    [
        (TicketStatus.Open, "Açık", "open", "pending"),
        (TicketStatus.InProgress, "İşlemde", "in_progress", "in_progress"),
        (TicketStatus.Resolved, "Çözüldü", "resolved", "resolved"),
        (TicketStatus.Closed, "Kapatıldı", "closed", "closed"),
    ];

    private static readonly (TicketPriority Priority, string Label, string English, string Turkish)[] PriorityNames =
    [
        (TicketPriority.Low, "Düşük", "low", "dusuk"),
        (TicketPriority.Medium, "Orta", "medium", "orta"),
        (TicketPriority.High, "Yüksek", "high", "yuksek"),
        (TicketPriority.Urgent, "Acil", "urgent", "acil"),
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

    /// <summary>What a customer reads for a customer-facing status (the portal, customer mail).</summary>
    public static string CustomerLabel(string customerStatus) => customerStatus switch
    {
        CustomerOpen => "Açık",
        CustomerAnswered => "Cevaplandı",
        CustomerClosed => "Kapatıldı",
        _ => customerStatus,
    };

    public static string ToEnglish(TicketPriority priority) => PriorityNames.Single(p => p.Priority == priority).English;

    public static TicketPriority? FromEnglish(string? name) =>
        PriorityNames.Where(p => p.English == name).Select(p => (TicketPriority?)p.Priority).FirstOrDefault();

    public static string ToTurkish(TicketPriority priority) => PriorityNames.Single(p => p.Priority == priority).Turkish;

    public static TicketPriority? FromTurkish(string? name) =>
        PriorityNames.Where(p => p.Turkish == name).Select(p => (TicketPriority?)p.Priority).FirstOrDefault();

    /// <summary>Turkish labels for people (the desk, the support form, e-mails, history entries).</summary>
    public static string Label(TicketStatus status) =>
        StatusNames.Where(s => s.Status == status).Select(s => s.Label).FirstOrDefault() ?? status.ToString();

    public static string Label(TicketPriority priority) =>
        PriorityNames.Where(p => p.Priority == priority).Select(p => p.Label).FirstOrDefault() ?? priority.ToString();
}

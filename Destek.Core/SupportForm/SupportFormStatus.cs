using Destek.Core.Tickets;

namespace Destek.Core.SupportForm;

/// <summary>seed-002's status display names (its STATUS_CHOICES), for its e-mails and pages.</summary>
public static class SupportFormStatus
{
    public static string Label(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Beklemede",
        TicketStatus.InProgress => "İşlemde",
        TicketStatus.Resolved => "Çözüldü",
        TicketStatus.Closed => "Kapatıldı",
        _ => status.ToString(),
    };
}

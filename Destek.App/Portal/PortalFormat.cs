using Destek.Core.Tickets;
using MudBlazor;

namespace Destek.App.Portal;

/// <summary>How the portal shows the customer-facing status: always its word, the colour only beside it.</summary>
public static class PortalFormat
{
    public static IReadOnlyList<string> Statuses { get; } = [TicketLifecycle.CustomerOpen, TicketLifecycle.CustomerAnswered, TicketLifecycle.CustomerClosed];

    public static Color StatusColor(string status) => status switch
    {
        TicketLifecycle.CustomerAnswered => Color.Info,
        TicketLifecycle.CustomerClosed => Color.Default,
        _ => Color.Warning,
    };

    public static string Priority(TicketPriority priority) => TicketLifecycle.Label(priority);
}

using Destek.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Core.Notifications;

public static class DeskNotificationsExtensions
{
    /// <summary>Desk notifications: the service, the ticket event handler that raises them, the relay that announces them.</summary>
    public static IServiceCollection AddDeskNotifications(this IServiceCollection services)
    {
        services.AddSingleton<DeskNotifications>();
        services.AddSingleton<ITicketEventHandler, DeskNotificationHandler>();
        services.AddSingleton<Organization.ISlaEscalationHandler, SlaEscalationNotifications>();
        services.AddSingleton<DeskNotificationRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<DeskNotificationRelay>());
        return services;
    }
}

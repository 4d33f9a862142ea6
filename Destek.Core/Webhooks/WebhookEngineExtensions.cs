using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Destek.Core.Webhooks;

public static class WebhookEngineExtensions
{
    /// <summary>
    /// The engine's pieces beyond the ticket outbox: the e-invoice door, the gate (open unless the
    /// module-switch owner registers its own first), the wake-up on commit and its pump.
    /// </summary>
    public static IServiceCollection AddWebhookEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<IWebhookGate, OpenWebhookGate>();
        services.AddSingleton<EInvoiceWebhooks>();
        services.AddSingleton<WebhookWakeup>();
        services.AddHostedService<WebhookDeliveryPump>();
        return services;
    }
}

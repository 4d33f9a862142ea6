using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Destek.Core.Webhooks;

public static class WebhookEngineExtensions
{
    /// <summary>
    /// The engine's pieces beyond the ticket outbox: the e-invoice door, the gate (the module switch
    /// feature.einvoice_webhooks, unless a host registers its own first), the wake-up on commit and its pump.
    /// </summary>
    public static IServiceCollection AddWebhookEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<Invoices.ModuleSwitches>();
        services.TryAddSingleton<IWebhookGate, ModuleWebhookGate>();
        services.AddSingleton<EInvoiceWebhooks>();
        services.AddSingleton<WebhookWakeup>();
        services.AddHostedService<WebhookDeliveryPump>();
        return services;
    }
}

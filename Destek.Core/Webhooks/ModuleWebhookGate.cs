using Destek.Core.Invoices;

namespace Destek.Core.Webhooks;

/// <summary>
/// seed-003's <c>module:feature.einvoice_webhooks</c>: an organization's e-invoice endpoints may be
/// created, switched on and delivered to only while the module is active for it (ModuleSwitches
/// answers from its cache, dropped on every change). Ticket webhooks are not a paid module.
/// </summary>
public sealed class ModuleWebhookGate(ModuleSwitches switches, TimeProvider clock) : IWebhookGate
{
    public async ValueTask<bool> AllowsAsync(WebhookKind kind, int? organizationId, CancellationToken cancellationToken) =>
        kind != WebhookKind.EInvoice
        || (organizationId is int organization
            && await switches.IsActiveAsync(organization, ModuleNames.EInvoiceWebhooks, clock.GetUtcNow(), cancellationToken));
}

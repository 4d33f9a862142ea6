namespace Destek.Core.Webhooks;

/// <summary>
/// Whether an owner may have webhooks of a kind (the e-invoice module switch,
/// <c>module:feature.einvoice_webhooks</c>). Consulted when an endpoint is created or switched on,
/// and before every delivery; the app uses <see cref="ModuleWebhookGate"/>.
/// An implementation is called per delivery, so it should answer from a cache.
/// </summary>
public interface IWebhookGate
{
    ValueTask<bool> AllowsAsync(WebhookKind kind, int? organizationId, CancellationToken cancellationToken);
}

/// <summary>Every kind allowed for everyone: for hosts and tests of the engine alone.</summary>
public sealed class OpenWebhookGate : IWebhookGate
{
    public ValueTask<bool> AllowsAsync(WebhookKind kind, int? organizationId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}

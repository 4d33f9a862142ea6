using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Invoices;

/// <summary>
/// The invoice platform's events on the one webhook engine (kind <see cref="WebhookKind.InvoicePlatform"/>):
/// an invoice's raised changes become invoice.created / .sent / .failed / .canceled outbox rows for the
/// organization's endpoints, on the context that saves the change, so they commit with it. The body is
/// <c>{"event","id","created_at","data":{"invoice":{…}}}</c> with the API's invoice object.
/// </summary>
public sealed class InvoicePlatformWebhooks(WebhookSubscriptionCache subscriptions, TimeProvider clock)
{
    /// <summary>Adds the rows for the invoice's pending events (it does not clear them). Returns the rows added.</summary>
    public async Task<int> RaiseAsync(DestekDbContext db, Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        var names = invoice.PendingEvents.Select(e => NameOf(e.Type, invoice.Status)).OfType<string>().Distinct().ToList();
        if (names.Count == 0)
        {
            return 0;
        }

        ITicketEventSink sink = db;
        var targets = await subscriptions.ForOrganizationAsync(sink, WebhookKind.InvoicePlatform, invoice.CustomerOrganizationId, cancellationToken);
        if (targets.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var data = new { Invoice = PlatformInvoice.Of(invoice) };
        var added = 0;
        foreach (var name in names)
        {
            var wanting = targets.Where(t => WebhookKinds.Wants(t.Events, name)).ToList();
            if (wanting.Count == 0)
            {
                continue;
            }

            var body = EInvoicePayloads.ForEvent(name, Guid.NewGuid(), now, data);
            foreach (var target in wanting)
            {
                sink.Add(WebhookDelivery.Create(target.Id, name, InvoiceWebhookRaiser.AggregateKey(invoice.Id), null, body, now.UtcDateTime));
                added++;
            }
        }

        return added;
    }

    /// <summary>The platform's name for a raised change; null for the steps it does not announce (queued, issued).</summary>
    public static string? NameOf(string raised, InvoiceStatus now) => raised switch
    {
        InvoiceDomainEvent.Created => InvoicePlatformEvents.Created,
        InvoiceDomainEvent.Sent => InvoicePlatformEvents.Sent,
        InvoiceDomainEvent.Cancelled => InvoicePlatformEvents.Canceled,
        InvoiceDomainEvent.StatusChanged when now == InvoiceStatus.Failed => InvoicePlatformEvents.Failed,
        _ => null,
    };
}

public sealed record PlatformWebhookView(int Id, int OrganizationId, string Url, IReadOnlyList<string> Events, bool IsActive, DateTime CreatedAt);

/// <summary>
/// Adds and lists an organization's invoice-platform endpoints. Switching off, deleting, testing and the
/// delivery log are the engine's own (<see cref="WebhookAdmin"/>, <see cref="WebhookDispatcher"/>), by id.
/// </summary>
public sealed class InvoicePlatformWebhookAdmin(
    IDbContextFactory<DestekDbContext> dbFactory, WebhookSecrets secrets, WebhookUrlGuard guard, WebhookSubscriptionCache cache, TimeProvider clock)
{
    /// <summary>The secret is generated when none is given, and returned this once.</summary>
    public async Task<CreatedWebhook> CreateAsync(int organizationId, string url, IEnumerable<string>? events = null, string? secret = null,
        CancellationToken cancellationToken = default)
    {
        if (secret is not null && secret.Trim().Length < 16)
        {
            throw new WebhookAdminException("Webhook secret'ı en az 16 karakter olmalıdır.");
        }

        var plain = string.IsNullOrWhiteSpace(secret) ? WebhookSecrets.NewSecret() : secret.Trim();
        var uri = await guard.CheckAsync(url, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.CustomerOrganizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            throw new WebhookAdminException($"Organizasyon bulunamadı: {organizationId}.");
        }

        var wanted = events?.ToList() is { Count: > 0 } list ? list : [InvoicePlatformEvents.Wildcard];
        var subscription = WebhookSubscription.CreateInvoicePlatform(organizationId, uri, wanted, secrets.Protect(plain), clock.GetUtcNow().UtcDateTime);
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(subscription);
        return new CreatedWebhook(subscription.Id, plain);
    }

    public async Task<IReadOnlyList<PlatformWebhookView>> ListAsync(int? organizationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.Kind == WebhookKind.InvoicePlatform && (organizationId == null || s.OrganizationId == organizationId))
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return rows.Select(s => new PlatformWebhookView(s.Id, s.OrganizationId ?? 0, s.Url, s.Events, s.IsActive, s.CreatedAt)).ToList();
    }
}

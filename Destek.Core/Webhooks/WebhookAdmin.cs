using Destek.Core.Access;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Webhooks;

public sealed record CreatedWebhook(int Id, string Secret);

public sealed record WebhookSummary(
    int Id, int? ApiClientId, string Url, IReadOnlyList<string> Events, int MaxAttempts, int RetryDelaySeconds, bool IsActive,
    string? DeactivatedReason, DateTime CreatedAt, int PendingDeliveries = 0, WebhookKind Kind = WebhookKind.Ticket, int? OrganizationId = null);

/// <summary>What a delete took with it: the webhook and the deliveries that were still waiting to go out.</summary>
public sealed record DeletedWebhook(int Id, int? ApiClientId, string Url, int DroppedPendingDeliveries);

/// <summary>
/// One delivery in the admin log. <see cref="AttemptCount"/> is every POST made for it, so it always
/// equals the rows in <see cref="Attempts"/>; <see cref="RoundAttempts"/> is how many of them count
/// against the webhook's limit since the last "Yeniden gönder".
/// </summary>
public sealed record DeliveryView(
    long Id, Guid WebhookId, string Event, int? TicketId, DeliveryStatus Status, int AttemptCount, int RoundAttempts, DateTime CreatedAt,
    DateTime? NextAttemptAt, DateTime? CompletedAt, int? LastStatusCode, string? LastError, string Payload, IReadOnlyList<AttemptView> Attempts,
    string? AggregateKey = null);

public sealed record AttemptView(DateTime AttemptedAt, int? StatusCode, int DurationMs, string? Response, string? Error);

/// <summary>Admin operations on webhook endpoints of every kind (an API client's, an organization's), for the settings screens, the APIs and the CLI.</summary>
public sealed class WebhookAdmin(
    IDbContextFactory<DestekDbContext> dbFactory, WebhookSecrets secrets, WebhookUrlGuard guard, WebhookSubscriptionCache cache, IWebhookGate gate, TimeProvider clock)
{
    public const string GateClosedMessage = "E-fatura webhook modülü bu organizasyon için kapalı.";

    /// <summary>An organization's e-invoice endpoint (seed-003); refused while the gate is closed for it. The secret is returned this once.</summary>
    public async Task<CreatedWebhook> CreateEInvoiceAsync(int organizationId, string url, IEnumerable<string> events, string? secret = null,
        CancellationToken cancellationToken = default)
    {
        var plain = CheckSecret(secret);
        if (!await gate.AllowsAsync(WebhookKind.EInvoice, organizationId, cancellationToken))
        {
            throw new WebhookAdminException(GateClosedMessage);
        }

        var uri = await guard.CheckAsync(url, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = WebhookSubscription.CreateEInvoice(organizationId, uri, events, secrets.Protect(plain), clock.GetUtcNow().UtcDateTime);
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(subscription);
        return new CreatedWebhook(subscription.Id, plain);
    }

    public async Task<IReadOnlyList<WebhookSummary>> ListForOrganizationAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Kind == WebhookKind.EInvoice && s.OrganizationId == organizationId)
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return await SummariesAsync(db, rows, cancellationToken);
    }

    private static string CheckSecret(string? secret)
    {
        if (secret is not null && secret.Trim().Length < 16)
        {
            throw new WebhookAdminException("Webhook secret'ı en az 16 karakter olmalıdır.");
        }

        return string.IsNullOrWhiteSpace(secret) ? WebhookSecrets.NewSecret() : secret.Trim();
    }

    /// <summary>A new subscription; the secret is generated when none is given and returned this once.</summary>
    public async Task<CreatedWebhook> CreateAsync(int apiClientId, string url, IEnumerable<string> events, string? secret = null,
        int maxAttempts = WebhookSubscription.DefaultMaxAttempts, int retryDelaySeconds = WebhookSubscription.DefaultRetryDelaySeconds,
        CancellationToken cancellationToken = default)
    {
        var plain = CheckSecret(secret);
        var uri = await guard.CheckAsync(url, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<ApiClient>().AnyAsync(c => c.Id == apiClientId, cancellationToken))
        {
            throw new WebhookAdminException($"API client bulunamadı: {apiClientId}");
        }

        var subscription = WebhookSubscription.Create(apiClientId, uri, events, secrets.Protect(plain), maxAttempts, retryDelaySeconds, clock.GetUtcNow().UtcDateTime);
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(apiClientId);
        return new CreatedWebhook(subscription.Id, plain);
    }

    public async Task UpdateAsync(int id, string url, IEnumerable<string> events, int maxAttempts, int retryDelaySeconds, CancellationToken cancellationToken = default)
    {
        var uri = await guard.CheckAsync(url, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await FindAsync(db, id, cancellationToken);
        subscription.Update(uri, events, maxAttempts, retryDelaySeconds);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(subscription);
    }

    public async Task SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await FindAsync(db, id, cancellationToken);
        if (active)
        {
            if (!await gate.AllowsAsync(subscription.Kind, subscription.OrganizationId, cancellationToken))
            {
                throw new WebhookAdminException(GateClosedMessage);
            }

            subscription.Activate();
        }
        else
        {
            subscription.Deactivate("Yönetici tarafından devre dışı bırakıldı.");
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(subscription);
    }

    /// <summary>
    /// Deletes a webhook with its log. Deliveries still waiting are dropped with it (there is no
    /// address left to send them to), and the count is returned so the admin is told. A delivery
    /// being posted right now holds its row; the delete is refused until that attempt is recorded,
    /// so no sender writes into a row that has gone.
    /// </summary>
    public async Task<DeletedWebhook> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await FindAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var deliveries = db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending);
        if (await deliveries.AnyAsync(d => d.LockedUntil != null && d.LockedUntil > now, cancellationToken))
        {
            throw new WebhookAdminException("Bu webhook'a şu anda gönderim yapılıyor; birkaç saniye sonra yeniden deneyin.");
        }

        var dropped = await deliveries.CountAsync(cancellationToken);
        db.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(subscription);
        return new DeletedWebhook(subscription.Id, subscription.ApiClientId, subscription.Url, dropped);
    }

    public async Task<WebhookSummary?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is null ? null : (await SummariesAsync(db, [subscription], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<WebhookSummary>> ListAsync(int apiClientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Kind == WebhookKind.Ticket && s.ApiClientId == apiClientId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return await SummariesAsync(db, rows, cancellationToken);
    }

    /// <summary>The newest deliveries of a webhook with all their attempts.</summary>
    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(int subscriptionId, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WebhookDelivery>().AsNoTracking().Include(d => d.Attempts)
            .Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.Id).Take(Math.Clamp(take, 1, 500))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(d => new DeliveryView(d.Id, d.WebhookId, d.Event, d.TicketId, d.Status, d.Attempts.Count, d.AttemptCount, d.CreatedAt, d.NextAttemptAt,
            d.CompletedAt, d.LastStatusCode, d.LastError, d.Payload,
            d.Attempts.OrderBy(a => a.AttemptedAt).ThenBy(a => a.Id).Select(a => new AttemptView(a.AttemptedAt, a.StatusCode, a.DurationMs, a.Response, a.Error)).ToList(),
            d.AggregateKey))
            .ToList();
    }

    private static async Task<IReadOnlyList<WebhookSummary>> SummariesAsync(DestekDbContext db, IReadOnlyList<WebhookSubscription> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(s => s.Id).ToList();
        var pending = await db.Set<WebhookDelivery>().Where(d => ids.Contains(d.SubscriptionId) && d.Status == DeliveryStatus.Pending)
            .GroupBy(d => d.SubscriptionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(s => new WebhookSummary(s.Id, s.ApiClientId, s.Url, s.Events, s.MaxAttempts, s.RetryDelaySeconds, s.IsActive,
            s.DeactivatedReason, s.CreatedAt, pending.GetValueOrDefault(s.Id), s.Kind, s.OrganizationId)).ToList();
    }

    private static async Task<WebhookSubscription> FindAsync(DestekDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new WebhookAdminException($"Webhook bulunamadı: {id}");
}

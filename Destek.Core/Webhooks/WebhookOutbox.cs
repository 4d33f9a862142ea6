using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Webhooks;

/// <summary>
/// Turns ticket events into WebhookDelivery rows inside the transaction of the change (an outbox),
/// whichever surface made the change (desk, support form, this API). Only tickets an API client
/// created are announced, and only to that client's subscriptions: the external API's clients see only their
/// own tickets, so they hear only about those. attachment.added for a file on an internal note is
/// not announced (internal notes never leave the desk; AddNote raises no event at all).
/// </summary>
public sealed class WebhookOutbox(WebhookSubscriptionCache subscriptions, TimeProvider clock) : ITicketEventHandler
{
    public async Task HandleAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var byClient in events.Where(e => e.Ticket.ApiClientId is not null).GroupBy(e => e.Ticket.ApiClientId!.Value))
        {
            var targets = await subscriptions.ForClientAsync(sink, byClient.Key, cancellationToken);
            if (targets.Count == 0)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            foreach (var byTicket in byClient.GroupBy(e => e.Ticket))
            {
                TicketSnapshot? snapshot = null;
                foreach (var ticketEvent in byTicket)
                {
                    if (ticketEvent.Attachment?.Message is { Kind: MessageKind.InternalNote } || ticketEvent.Message is { Kind: MessageKind.InternalNote })
                    {
                        continue;
                    }

                    var wanting = targets.Where(s => s.Events.Contains(ticketEvent.Type)).ToList();
                    if (wanting.Count == 0)
                    {
                        continue;
                    }

                    snapshot ??= await WebhookPayloads.SnapshotAsync(sink, byTicket.Key, cancellationToken);
                    var body = WebhookPayloads.ForEvent(ticketEvent, snapshot, now);
                    foreach (var subscription in wanting)
                    {
                        sink.Add(WebhookDelivery.Create(subscription.Id, ticketEvent.Type, byTicket.Key.Id, body, now.UtcDateTime));
                    }
                }
            }
        }
    }
}

/// <summary>
/// Active subscriptions per owner (an API client's ticket endpoints, an organization's e-invoice
/// endpoints), kept in the memory cache for a few seconds so an event costs no extra query;
/// WebhookAdmin drops an owner's entry on every change. Another node sees a change within <see cref="Lifetime"/>.
/// </summary>
public sealed class WebhookSubscriptionCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public Task<IReadOnlyList<CachedSubscription>> ForClientAsync(ITicketEventSink sink, int apiClientId, CancellationToken cancellationToken) =>
        ForOwnerAsync(sink, new Key(WebhookKind.Ticket, apiClientId), s => s.Kind == WebhookKind.Ticket && s.ApiClientId == apiClientId, cancellationToken);

    public Task<IReadOnlyList<CachedSubscription>> ForOrganizationAsync(ITicketEventSink sink, int organizationId, CancellationToken cancellationToken) =>
        ForOwnerAsync(sink, new Key(WebhookKind.EInvoice, organizationId), s => s.Kind == WebhookKind.EInvoice && s.OrganizationId == organizationId, cancellationToken);

    /// <summary>An organization's active endpoints of <paramref name="kind"/> (the invoice platform's, for one).</summary>
    public Task<IReadOnlyList<CachedSubscription>> ForOrganizationAsync(ITicketEventSink sink, WebhookKind kind, int organizationId, CancellationToken cancellationToken) =>
        ForOwnerAsync(sink, new Key(kind, organizationId), s => s.Kind == kind && s.OrganizationId == organizationId, cancellationToken);

    public void Invalidate(int apiClientId) => cache.Remove(new Key(WebhookKind.Ticket, apiClientId));

    /// <summary>Drops the entry of the subscription's owner, whichever kind it is.</summary>
    public void Invalidate(WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if ((subscription.ApiClientId ?? subscription.OrganizationId) is int owner)
        {
            cache.Remove(new Key(subscription.Kind, owner));
        }
    }

    private async Task<IReadOnlyList<CachedSubscription>> ForOwnerAsync(ITicketEventSink sink, Key key,
        System.Linq.Expressions.Expression<Func<WebhookSubscription, bool>> owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (cache.TryGetValue(key, out IReadOnlyList<CachedSubscription>? cached) && cached is not null)
        {
            return cached;
        }

        var rows = await sink.Query<WebhookSubscription>()
            .Where(owned).Where(s => s.IsActive)
            .Select(s => new { s.Id, s.Events })
            .ToListAsync(cancellationToken);
        IReadOnlyList<CachedSubscription> list = rows.Select(r => new CachedSubscription(r.Id, r.Events.ToHashSet(StringComparer.Ordinal))).ToArray();
        cache.Set(key, list, Lifetime);
        return list;
    }

    private sealed record Key(WebhookKind Kind, int OwnerId);
}

public sealed record CachedSubscription(int Id, IReadOnlySet<string> Events);

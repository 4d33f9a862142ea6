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
/// Active subscriptions per API client, kept in the memory cache for a few seconds so creating a
/// ticket costs no extra query; WebhookAdmin drops a client's entry on every change. Another node
/// sees a change within <see cref="Lifetime"/>.
/// </summary>
public sealed class WebhookSubscriptionCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<CachedSubscription>> ForClientAsync(ITicketEventSink sink, int apiClientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (cache.TryGetValue(new Key(apiClientId), out IReadOnlyList<CachedSubscription>? cached) && cached is not null)
        {
            return cached;
        }

        var rows = await sink.Query<WebhookSubscription>()
            .Where(s => s.ApiClientId == apiClientId && s.IsActive)
            .Select(s => new { s.Id, s.Events })
            .ToListAsync(cancellationToken);
        IReadOnlyList<CachedSubscription> list = rows.Select(r => new CachedSubscription(r.Id, r.Events.ToHashSet(StringComparer.Ordinal))).ToArray();
        cache.Set(new Key(apiClientId), list, Lifetime);
        return list;
    }

    public void Invalidate(int apiClientId) => cache.Remove(new Key(apiClientId));

    private sealed record Key(int ApiClientId);
}

public sealed record CachedSubscription(int Id, IReadOnlySet<string> Events);

using System.Collections.Concurrent;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Webhooks;

/// <summary>
/// Turns ticket events into WebhookDelivery rows inside the transaction of the change (an outbox),
/// whichever surface made the change (desk, support form, this API). Only tickets an API client
/// created are announced, and only to that client's subscriptions: seed-000 clients see only their
/// own tickets, so they hear only about those. attachment.added for a file on an internal note is
/// not announced (internal notes never leave the desk; AddNote raises no event at all).
/// </summary>
public sealed class WebhookOutbox(WebhookSubscriptionCache subscriptions, TimeProvider clock) : ITicketEventHandler
{
    public async Task HandleAsync(DestekDbContext db, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var byClient in events.Where(e => e.Ticket.ApiClientId is not null).GroupBy(e => e.Ticket.ApiClientId!.Value))
        {
            var targets = await subscriptions.ForClientAsync(db, byClient.Key, cancellationToken);
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

                    snapshot ??= await WebhookPayloads.SnapshotAsync(db, byTicket.Key, cancellationToken);
                    var body = WebhookPayloads.ForEvent(ticketEvent, snapshot, now);
                    foreach (var subscription in wanting)
                    {
                        db.Add(WebhookDelivery.Create(subscription.Id, ticketEvent.Type, byTicket.Key.Id, body, now.UtcDateTime));
                    }
                }
            }
        }
    }
}

/// <summary>
/// Active subscriptions per API client, cached for a few seconds so creating a ticket costs no
/// extra query; WebhookAdmin drops a client's entry on every change. Another node sees a change
/// within <see cref="Lifetime"/>.
/// </summary>
public sealed class WebhookSubscriptionCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<int, Entry> _entries = new();

    public async Task<IReadOnlyList<CachedSubscription>> ForClientAsync(DestekDbContext db, int apiClientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(apiClientId, out var entry) && entry.ExpiresAt > now)
        {
            return entry.Subscriptions;
        }

        var rows = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.ApiClientId == apiClientId && s.IsActive)
            .Select(s => new { s.Id, s.Events })
            .ToListAsync(cancellationToken);
        var list = rows.Select(r => new CachedSubscription(r.Id, r.Events.ToHashSet(StringComparer.Ordinal))).ToArray();
        _entries[apiClientId] = new Entry(list, now + Lifetime);
        return list;
    }

    public void Invalidate(int apiClientId) => _entries.TryRemove(apiClientId, out _);

    private sealed record Entry(IReadOnlyList<CachedSubscription> Subscriptions, DateTimeOffset ExpiresAt);
}

public sealed record CachedSubscription(int Id, IReadOnlySet<string> Events);

using System.Collections.Concurrent;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Core.Notifications;

/// <summary>A notification as the bell's list shows it.</summary>
public sealed record DeskNotificationView(
    long Id, string Kind, string Text, int TicketId, string TicketNumber, string TicketTitle, DateTime CreatedAt, bool IsRead);

/// <summary>
/// Agents' desk notifications: raising them (from ticket events, and from the SLA escalation through
/// <see cref="RaiseAsync(int, string, int, string?, CancellationToken)"/>), the unread count, the list, marking read,
/// and telling an agent's open pages that their count changed. Live signals are in-process: on several nodes a page
/// on another node sees a new count when its short cache entry expires.
/// </summary>
public sealed class DeskNotifications(IDbContextFactory<DestekDbContext> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    public const int ListSize = 50;

    // The count is read by every page an agent opens; a new notification drops it at once.
    private static readonly TimeSpan CountFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<Task>>> _subscribers = new();

    /// <summary>
    /// Raises a notification outside a ticket save (the SLA escalation job): saved at once, and the recipient's open
    /// pages are told. An unread notification of the same kind about the same ticket is not repeated. True when added.
    /// </summary>
    public async Task<bool> RaiseAsync(int recipientId, string kind, int ticketId, string? actorName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var added = await RaiseInSaveAsync(db, recipientId, kind, ticketId, actorName, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
            Changed(recipientId);
        }

        return added;
    }

    /// <summary>
    /// Adds a notification to a save in progress (an <see cref="ITicketEventHandler"/>'s sink), so it commits with the
    /// change that caused it; <see cref="DeskNotificationRelay"/> tells the recipient's pages after the commit.
    /// </summary>
    public static async Task<bool> RaiseInSaveAsync(ITicketEventSink sink, int recipientId, string kind, int ticketId, string? actorName, DateTime now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var notification = DeskNotification.Create(recipientId, kind, ticketId, actorName, now);
        var repeated = await sink.Query<DeskNotification>()
            .AnyAsync(n => n.RecipientId == recipientId && n.TicketId == ticketId && n.Kind == kind && n.ReadAt == null, cancellationToken);
        if (repeated)
        {
            return false;
        }

        sink.Add(notification);
        return true;
    }

    public async Task<int> UnreadCountAsync(int userId, CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(CountKey(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CountFor;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Set<DeskNotification>().CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken);
        });

    /// <summary>The newest notifications of one agent, unread and read, with their tickets' numbers and titles: one query.</summary>
    public async Task<IReadOnlyList<DeskNotificationView>> ListAsync(int userId, int take = ListSize, CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, ListSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<DeskNotification>().AsNoTracking()
            .Where(n => n.RecipientId == userId)
            .OrderByDescending(n => n.Id)
            .Take(take)
            .Join(db.Tickets, n => n.TicketId, t => t.Id, (n, t) => new { n.Id, n.Kind, n.ActorName, n.TicketId, t.Number, t.Title, n.CreatedAt, n.ReadAt })
            .OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DeskNotificationView(r.Id, r.Kind, DeskNotificationKind.Describe(r.Kind, r.ActorName), r.TicketId, r.Number, r.Title,
            r.CreatedAt, r.ReadAt is not null)).ToList();
    }

    /// <summary>Marks one of the agent's own notifications read; another agent's id is ignored.</summary>
    public async Task MarkReadAsync(int userId, long notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Set<DeskNotification>().FirstOrDefaultAsync(n => n.Id == notificationId && n.RecipientId == userId, cancellationToken);
        if (notification is null || notification.IsRead)
        {
            return;
        }

        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        Changed(userId);
    }

    /// <summary>Marks every unread notification of the agent read, in one statement.</summary>
    public async Task MarkAllReadAsync(int userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A bulk update, not one tracked entity each: MarkRead's rule (first reading counts) is the WHERE.
        var marked = await db.Set<DeskNotification>().Where(n => n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (marked > 0)
        {
            Changed(userId);
        }
    }

    /// <summary>One subscription per circuit: the handler runs when this agent's count may have changed.</summary>
    public IDisposable Subscribe(int userId, Func<Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = Guid.NewGuid();
        var mine = _subscribers.GetOrAdd(userId, _ => new ConcurrentDictionary<Guid, Func<Task>>());
        mine[id] = handler;
        return new Subscription(() =>
        {
            mine.TryRemove(id, out _);
            if (mine.IsEmpty)
            {
                _subscribers.TryRemove(new KeyValuePair<int, ConcurrentDictionary<Guid, Func<Task>>>(userId, mine));
            }
        });
    }

    /// <summary>The agent's notifications changed: forget the cached count and tell their open pages.</summary>
    public void Changed(int userId)
    {
        cache.Remove(CountKey(userId));
        if (!_subscribers.TryGetValue(userId, out var mine))
        {
            return;
        }

        foreach (var handler in mine.Values)
        {
            _ = SafeInvoke(handler);
        }
    }

    private static (Type, int) CountKey(int userId) => (typeof(DeskNotifications), userId);

    private static async Task SafeInvoke(Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (Exception)
        {
            // A page that failed to update owns its error; the others still hear.
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

using System.Collections.Concurrent;

namespace Destek.Core.Tickets;

/// <summary>A committed change to one ticket, for pages that show it live.</summary>
public sealed record TicketChange(int TicketId, IReadOnlyList<string> EventTypes, int? ByUserId);

/// <summary>
/// Tells open pages that a ticket changed. The in-process one serves a single node; a multi-node
/// deployment replaces it (e.g. PostgreSQL LISTEN/NOTIFY) without touching subscribers.
/// </summary>
public interface ITicketChangeNotifier
{
    void Publish(TicketChange change);

    /// <summary>Dispose the result to unsubscribe. Handlers run on the publisher's thread: keep them short.</summary>
    IDisposable Subscribe(Func<TicketChange, Task> handler);
}

public sealed class InProcessTicketChangeNotifier : ITicketChangeNotifier
{
    private readonly ConcurrentDictionary<Guid, Func<TicketChange, Task>> _subscribers = new();

    public void Publish(TicketChange change)
    {
        foreach (var handler in _subscribers.Values)
        {
            // Fire and forget: a slow or broken page must never fail the save that published.
            _ = SafeInvoke(handler, change);
        }
    }

    public IDisposable Subscribe(Func<TicketChange, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    private static async Task SafeInvoke(Func<TicketChange, Task> handler, TicketChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception)
        {
            // The subscriber owns its own errors; one bad page does not stop the others.
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

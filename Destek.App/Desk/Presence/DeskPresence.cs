using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Destek.App.Desk.Presence;

/// <summary>Someone with a ticket open, as others see them: by name, and whether they are typing a reply or note.</summary>
public sealed record PresenceViewer(int UserId, string Name, bool Typing);

public sealed class PresenceOptions
{
    public const string Section = "Destek:Presence";

    /// <summary>A page that has not spoken (heartbeat, typing) for this long is gone: a closed laptop, a lost network.</summary>
    public TimeSpan Silence { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>"yazıyor" lasts this long after the last typing signal.</summary>
    public TimeSpan TypingFor { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often expired entries are swept out.</summary>
    public TimeSpan Sweep { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Who has which ticket open and who is typing, in this process's memory only: on several nodes each node knows
/// its own circuits (docs/live-desk.md). Fed by the ticket page (open, heartbeat, typing, close); an entry ends when
/// its page closes or goes silent, on the <see cref="TimeProvider"/>'s clock. Subscribers are told which tickets
/// changed and read <see cref="Current"/>, one immutable snapshot shared by every circuit.
/// </summary>
public sealed class DeskPresence : IDisposable
{
    private static readonly FrozenDictionary<int, IReadOnlyList<PresenceViewer>> Nobody = FrozenDictionary<int, IReadOnlyList<PresenceViewer>>.Empty;

    private readonly TimeProvider _clock;
    private readonly PresenceOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly ConcurrentDictionary<Guid, Func<IReadOnlySet<int>, Task>> _subscribers = new();
    private readonly ITimer _sweeper;

    public DeskPresence(TimeProvider clock, IOptions<PresenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _options = options.Value;
        _sweeper = clock.CreateTimer(_ => Sweep(), null, _options.Sweep, _options.Sweep);
    }

    /// <summary>Every ticket someone has open, with its viewers; replaced, never changed, so readers need no lock.</summary>
    public FrozenDictionary<int, IReadOnlyList<PresenceViewer>> Current { get; private set; } = Nobody;

    public IReadOnlyList<PresenceViewer> ViewersOf(int ticketId) => Current.TryGetValue(ticketId, out var viewers) ? viewers : [];

    /// <summary>A page opened a ticket; the key names that page (one circuit, one ticket) in the calls that follow.</summary>
    public Guid Open(int ticketId, int userId, string name)
    {
        var key = Guid.NewGuid();
        Change(() =>
        {
            _entries[key] = new Entry(ticketId, userId, name, _clock.GetUtcNow(), null);
            return [ticketId];
        });
        return key;
    }

    /// <summary>The page is still there.</summary>
    public void Beat(Guid key) => Change(() =>
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            _entries[key] = entry with { SeenAt = _clock.GetUtcNow() };
        }

        // The names shown do not change, so nobody needs telling.
        return [];
    });

    /// <summary>The agent typed in the reply or note box (the page throttles this to one call every few seconds).</summary>
    public void Typing(Guid key) => Change(() =>
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return [];
        }

        var now = _clock.GetUtcNow();
        _entries[key] = entry with { SeenAt = now, TypingUntil = now + _options.TypingFor };
        return entry.IsTyping(now) ? [] : [entry.TicketId];
    });

    /// <summary>The agent sent what they typed: they stop typing at once, not when the signal runs out.</summary>
    public void StoppedTyping(Guid key) => Change(() =>
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.TypingUntil is null)
        {
            return [];
        }

        _entries[key] = entry with { TypingUntil = null };
        return [entry.TicketId];
    });

    /// <summary>The page closed (its circuit ended or it moved to another ticket).</summary>
    public void Close(Guid key) => Change(() => _entries.Remove(key, out var entry) ? [entry.TicketId] : []);

    /// <summary>Drops silent pages and ends typing that ran out; runs on the clock's timer.</summary>
    public void Sweep() => Change(() =>
    {
        var now = _clock.GetUtcNow();
        var changed = new HashSet<int>();
        foreach (var (key, entry) in _entries.ToList())
        {
            if (now - entry.SeenAt >= _options.Silence)
            {
                _entries.Remove(key);
                changed.Add(entry.TicketId);
            }
            else if (entry.TypingUntil is { } until && until <= now)
            {
                _entries[key] = entry with { TypingUntil = null };
                changed.Add(entry.TicketId);
            }
        }

        return changed;
    });

    /// <summary>One subscription per circuit; the handler gets the ids of the tickets whose viewers changed.</summary>
    public IDisposable Subscribe(Func<IReadOnlySet<int>, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public void Dispose() => _sweeper.Dispose();

    private void Change(Func<IReadOnlyCollection<int>> change)
    {
        IReadOnlySet<int> changed;
        lock (_gate)
        {
            var tickets = change();
            if (tickets.Count == 0)
            {
                return;
            }

            changed = tickets.ToHashSet();
            Current = Snapshot(_clock.GetUtcNow());
        }

        foreach (var handler in _subscribers.Values)
        {
            _ = SafeInvoke(handler, changed);
        }
    }

    /// <summary>One line per person and ticket (two tabs are one viewer), typing when any of their pages types.</summary>
    private FrozenDictionary<int, IReadOnlyList<PresenceViewer>> Snapshot(DateTimeOffset now) => _entries.Values
        .GroupBy(e => e.TicketId)
        .ToFrozenDictionary(
            g => g.Key,
            g => (IReadOnlyList<PresenceViewer>)g.GroupBy(e => e.UserId)
                .Select(u => new PresenceViewer(u.Key, u.First().Name, u.Any(e => e.IsTyping(now))))
                .OrderBy(v => v.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("tr-TR"), false))
                .ToArray());

    private static async Task SafeInvoke(Func<IReadOnlySet<int>, Task> handler, IReadOnlySet<int> changed)
    {
        try
        {
            await handler(changed);
        }
        catch (Exception)
        {
            // A page that failed to update owns its error; the others still hear.
        }
    }

    private sealed record Entry(int TicketId, int UserId, string Name, DateTimeOffset SeenAt, DateTimeOffset? TypingUntil)
    {
        public bool IsTyping(DateTimeOffset now) => TypingUntil is { } until && until > now;
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

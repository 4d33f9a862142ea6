using Destek.Core.Search;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;

namespace Destek.App.Desk;

/// <summary>
/// The queue's search, one per circuit: a typed search goes through the full-text index, ranked, with
/// an excerpt per row; any other list keeps the queue's own query. Typing waits for a pause
/// (~300 ms) before it searches, so a word typed quickly is one search, not one per letter.
/// </summary>
public sealed class SearchRows(TicketSearch search) : IDisposable
{
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    private IReadOnlyDictionary<int, string> _snippets = new Dictionary<int, string>();
    private CancellationTokenSource? _typing;

    /// <summary>True when the search stopped at its candidate limit (the newest matches were ranked).</summary>
    public bool Capped { get; private set; }

    public bool Searching { get; private set; }

    /// <summary>True from a keystroke until its search is applied: the box keeps what is typed, not what the address says.</summary>
    public bool TypingPending { get; private set; }

    public async Task<Page<TicketRow>> PageAsync(TicketQueries queries, StaffMember viewer, QueueFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(filter);
        _snippets = new Dictionary<int, string>();
        Capped = false;
        Searching = !string.IsNullOrWhiteSpace(filter.Search);
        if (!Searching)
        {
            return await queries.QueueAsync(viewer, filter, skip, take, cancellationToken);
        }

        // Nothing searchable (one letter, only punctuation) lists nothing rather than everything.
        var found = await search.QueueAsync(viewer, filter, skip, take, cancellationToken);
        if (found is null)
        {
            return new Page<TicketRow>([], 0);
        }

        (_snippets, Capped) = (found.Snippets, found.Capped);
        return found.Page;
    }

    /// <summary>The row's excerpt (already HTML-encoded, the match in &lt;mark&gt;), or nothing.</summary>
    public MarkupString? Snippet(int ticketId) =>
        _snippets.TryGetValue(ticketId, out var html) ? new MarkupString("<div class=\"q-snippet\">" + html + "</div>") : null;

    /// <summary>A line under the search box while searching: the order, and whether the match list was cut.</summary>
    public string? Notice => !Searching ? null
        : Capped ? "En yeni eşleşmeler arasından en ilgili olanlar önce gösteriliyor; aramayı daraltın."
        : "En ilgili talepler önce.";

    /// <summary>
    /// True when the box should keep its text as the address changes: while typing continues, and when
    /// the address carries the search the box itself applied (the box may be letters ahead by then).
    /// </summary>
    public bool KeepsTyped(string? addressSearch) => TypingPending || (addressSearch is not null && addressSearch == _applied);

    private string? _applied;

    /// <summary>Runs <paramref name="apply"/> once typing has paused; each keystroke restarts the wait.</summary>
    public async Task TypedAsync(Func<string?> typed, Func<Task> apply)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(apply);
        if (_typing is not null)
        {
            await _typing.CancelAsync();
            _typing.Dispose();
        }

        var typing = _typing = new CancellationTokenSource();
        TypingPending = true;
        try
        {
            await Task.Delay(Pause, typing.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        TypingPending = false;
        _applied = typed()?.Trim();
        await apply();
    }

    public void Dispose() => _typing?.Dispose();
}

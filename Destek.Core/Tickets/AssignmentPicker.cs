namespace Destek.Core.Tickets;

/// <summary>
/// Who gets the next ticket: pure, deterministic, so a batch of creates is assigned the same way however it
/// was timed. Candidates are the available agents of the department with their open-ticket counts.
/// </summary>
public sealed class AssignmentPicker
{
    private readonly AssignmentStrategy _strategy;
    private readonly int? _cap;
    private readonly SortedDictionary<int, int> _open;

    public AssignmentPicker(AssignmentStrategy strategy, int? cap, int? lastAssignedUserId, IReadOnlyDictionary<int, int> openTicketsByAgent)
    {
        ArgumentNullException.ThrowIfNull(openTicketsByAgent);
        _strategy = strategy;
        _cap = cap;
        Last = lastAssignedUserId;
        _open = new SortedDictionary<int, int>(openTicketsByAgent.ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>The rotation pointer after the picks so far.</summary>
    public int? Last { get; private set; }

    /// <summary>The next agent, counted as having one more open ticket; null when everyone is at the cap (or there is no one).</summary>
    public int? Next()
    {
        // In turn: the agents after the pointer, then from the start.
        var eligible = _open.Where(p => _cap is null || p.Value < _cap).Select(p => p.Key).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        var inTurn = eligible.Where(id => Last is null || id > Last).Concat(eligible.Where(id => Last is not null && id <= Last)).ToList();
        var pick = _strategy == AssignmentStrategy.LeastOpen
            ? inTurn.OrderBy(id => _open[id]).First()
            : inTurn[0];
        _open[pick]++;
        Last = pick;
        return pick;
    }
}

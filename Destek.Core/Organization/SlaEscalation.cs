namespace Destek.Core.Organization;

/// <summary>
/// A ticket's clock passed the escalation threshold: the assignee and the department's leads were told.
/// One row per ticket and kind (unique), which is also what keeps the job from escalating twice. Other
/// notifications (the desk's list) hook in through <see cref="ISlaEscalationHandler"/>.
/// </summary>
public sealed class SlaEscalation
{
    private SlaEscalation()
    {
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public SlaKind Kind { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime EscalatedAt { get; private set; }
    /// <summary>The assignee when it went out (null: unassigned, only the leads were told).</summary>
    public int? AssigneeId { get; private set; }
    public int DepartmentId { get; private set; }

    public static SlaEscalation Create(int ticketId, SlaKind kind, DateTime dueAt, int? assigneeId, int departmentId, DateTime now) => new()
    {
        TicketId = ticketId,
        Kind = kind,
        DueAt = dueAt,
        EscalatedAt = now,
        AssigneeId = assigneeId,
        DepartmentId = departmentId,
    };
}

/// <summary>
/// A missed target, for reporting: one row per ticket and kind (unique). <see cref="BreachedAt"/> is the
/// due time that passed with the clock running; <see cref="RecordedAt"/> when the job noticed.
/// </summary>
public sealed class SlaBreach
{
    private SlaBreach()
    {
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public SlaKind Kind { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime BreachedAt { get; private set; }
    public DateTime RecordedAt { get; private set; }

    public static SlaBreach Create(int ticketId, SlaKind kind, DateTime dueAt, DateTime now) => new()
    {
        TicketId = ticketId,
        Kind = kind,
        DueAt = dueAt,
        BreachedAt = dueAt,
        RecordedAt = now,
    };
}

/// <summary>The ticket facts an escalation is about, for whoever tells people.</summary>
public sealed record SlaEscalationNotice(SlaEscalation Escalation, string TicketNumber, string TicketTitle, Tickets.TicketPriority Priority);

/// <summary>
/// Told about new escalations inside the job's save (so what it adds — outbox mails, desk notifications —
/// commits with the escalation rows, exactly once).
/// </summary>
public interface ISlaEscalationHandler
{
    Task HandleAsync(Tickets.ITicketEventSink sink, IReadOnlyList<SlaEscalationNotice> escalations, CancellationToken cancellationToken);
}

namespace Destek.Core.Tickets;

/// <summary>
/// Something that happened to a ticket, raised by the <see cref="Ticket"/> methods. Type is one of
/// the external API's event names. Events are handed to every <see cref="ITicketEventHandler"/> inside the
/// SaveChanges that persists the change, so outbox rows commit in the same transaction.
/// </summary>
public sealed record TicketEvent(
    string Type,
    Ticket Ticket,
    IReadOnlyDictionary<string, object?> Changes,
    TicketMessage? Message = null,
    TicketAttachment? Attachment = null,
    Actor? Actor = null)
{
    public const string Created = "ticket.created";
    public const string Updated = "ticket.updated";
    public const string StatusChanged = "ticket.status_changed";
    public const string Assigned = "ticket.assigned";
    public const string Closed = "ticket.closed";
    public const string Reopened = "ticket.reopened";
    public const string CommentAdded = "comment.added";
    public const string AttachmentAdded = "attachment.added";
    public const string Merged = "ticket.merged";

    public static IReadOnlyList<string> All { get; } =
        [Created, Updated, StatusChanged, Assigned, Closed, Reopened, CommentAdded, AttachmentAdded, Merged];
}

/// <summary>
/// Brings the changed tickets themselves up to date (their SLA due times) before they are written, inside the
/// save's transaction: a new ticket's row is then inserted once, complete, instead of inserted and updated.
/// New tickets have no id yet; handlers that need ids are <see cref="ITicketEventHandler"/>s.
/// </summary>
public interface ITicketEventPreparer
{
    Task PrepareAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken);
}

/// <summary>Reacts to ticket events before they commit: writes outbox rows through the sink.</summary>
public interface ITicketEventHandler
{
    Task HandleAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// What a handler may touch inside the save that raised the events: the saving context and its
/// transaction, so outbox rows commit with the change. The data layer implements it; handlers never
/// see the DbContext, so the domain does not depend on the data layer.
/// </summary>
public interface ITicketEventSink
{
    /// <summary>Reads from the saving context (inside its transaction), without tracking.</summary>
    IQueryable<T> Query<T>()
        where T : class;

    /// <summary>Adds a row that is written by the same SaveChanges.</summary>
    void Add<T>(T row)
        where T : class;
}

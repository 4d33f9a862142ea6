namespace Destek.Core.Tickets;

/// <summary>
/// Something that happened to a ticket, raised by the <see cref="Ticket"/> methods. Type is one of
/// seed-000's event names. Events are handed to every <see cref="ITicketEventHandler"/> inside the
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

    public static IReadOnlyList<string> All { get; } =
        [Created, Updated, StatusChanged, Assigned, Closed, Reopened, CommentAdded, AttachmentAdded];
}

/// <summary>Reacts to ticket events before they commit: writes outbox rows to the same context.</summary>
public interface ITicketEventHandler
{
    Task HandleAsync(Data.DestekDbContext db, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken);
}

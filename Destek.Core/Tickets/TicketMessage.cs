namespace Destek.Core.Tickets;

public sealed partial class TicketMessage
{
    public const int BodyMaxLength = 20_000;

    private TicketMessage()
    {
    }

    public int Id { get; private set; }
    public Guid PublicId { get; private set; }
    public int TicketId { get; private set; }
    public Ticket? Ticket { get; private set; }
    public MessageKind Kind { get; private set; }
    public AuthorKind AuthorKind { get; private set; }
    public int? AuthorUserId { get; private set; }
    public int? AuthorApiClientId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public string? AuthorEmail { get; private set; }
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public bool IsPublic => Kind == MessageKind.PublicReply;

    internal static TicketMessage Create(Ticket ticket, MessageKind kind, string body, Actor actor, DateTime now)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new TicketRuleException("Mesaj boş olamaz.");
        }

        if (text.Length > BodyMaxLength)
        {
            throw new TicketRuleException($"Mesaj en fazla {BodyMaxLength} karakter olabilir.");
        }

        return new TicketMessage
        {
            PublicId = Guid.NewGuid(),
            Ticket = ticket,
            Kind = kind,
            AuthorKind = actor.Kind,
            AuthorUserId = actor.UserId,
            AuthorApiClientId = actor.ApiClientId,
            AuthorName = actor.Name,
            AuthorEmail = actor.Email,
            Body = text,
            CreatedAt = now,
        };
    }
}

public sealed partial class TicketAttachment
{
    private TicketAttachment()
    {
    }

    public int Id { get; private set; }
    public Guid PublicId { get; private set; }
    public int TicketId { get; private set; }
    public Ticket? Ticket { get; private set; }
    public int? MessageId { get; private set; }
    public TicketMessage? Message { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    /// <summary>Path relative to the attachments folder of the data directory.</summary>
    public string StoragePath { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    internal static TicketAttachment Create(Ticket ticket, TicketMessage? message, StoredFile file, string uploadedBy, DateTime now) => new()
    {
        PublicId = Guid.NewGuid(),
        Ticket = ticket,
        Message = message,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Size = file.Size,
        StoragePath = file.StoragePath,
        UploadedBy = uploadedBy,
        CreatedAt = now,
    };
}

public sealed partial class TicketHistoryEntry
{
    private TicketHistoryEntry()
    {
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public Ticket? Ticket { get; private set; }
    public HistoryField Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string ActorName { get; private set; } = "";
    public int? ActorUserId { get; private set; }
    public DateTime At { get; private set; }

    internal static TicketHistoryEntry Create(Ticket ticket, HistoryField field, string? oldValue, string? newValue, Actor actor, DateTime now) => new()
    {
        Ticket = ticket,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
        ActorName = actor.Name,
        ActorUserId = actor.UserId,
        At = now,
    };
}

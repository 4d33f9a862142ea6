
namespace Destek.Core.Tickets;

/// <summary>The one internal lifecycle. Each API maps it at its edge: see <see cref="TicketLifecycle"/>.</summary>
public enum TicketStatus
{
    Open = 0,
    InProgress = 1,
    Resolved = 2,
    Closed = 3,
}

public enum TicketPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Urgent = 3,
}

public enum TicketSource
{
    WebForm = 0,
    Portal = 1,
    Api = 2,
    Agent = 3,
    Email = 4,
}

public enum MessageKind
{
    PublicReply = 0,
    InternalNote = 1,
}

public enum AuthorKind
{
    Staff = 0,
    Customer = 1,
    ApiClient = 2,
    System = 3,
}

public enum HistoryField
{
    Status = 0,
    Priority = 1,
    Assignee = 2,
    Department = 3,
    Category = 4,

    // Far from the field numbers above, so other features can add theirs without a clash.
    Merge = 20,
    Split = 21,
}

using Destek.Core.Tickets;

namespace Destek.Core.Customers;

/// <summary>
/// What a customer filters their list by. <see cref="Status"/> is a customer-facing status
/// (<see cref="TicketLifecycle.CustomerOpen"/>, <see cref="TicketLifecycle.CustomerAnswered"/>,
/// <see cref="TicketLifecycle.CustomerClosed"/>); the surface has checked it.
/// </summary>
public sealed record CustomerTicketFilter
{
    public string? Status { get; init; }
    public string? CategorySlug { get; init; }
    public TicketPriority? Priority { get; init; }
    /// <summary>A substring of the subject (case-insensitive).</summary>
    public string? Search { get; init; }
}

/// <summary>A ticket as its customer sees it: public id, the one ticket number, the customer-facing status.</summary>
public sealed record CustomerTicketSummary(
    Guid Id, string Number, string Subject, string? CategorySlug, TicketPriority Priority, string Status,
    int MessageCount, DateTime? LastReplyAt, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record CustomerTicketPage(IReadOnlyList<CustomerTicketSummary> Tickets, int TotalCount);

/// <summary>A public message (the opening text is the first); internal notes never become one.</summary>
public sealed record CustomerMessage(Guid Id, Guid TicketId, Guid SenderId, string SenderName, string? SenderEmail, bool IsStaff, string Body, DateTime CreatedAt);

public sealed record CustomerTicketDetail(CustomerTicketSummary Ticket, IReadOnlyList<CustomerMessage> Messages);

/// <summary>What a signed-in customer types to open a ticket: no name or e-mail, those are the account's.</summary>
public sealed record CustomerTicketRequest
{
    public string? Subject { get; init; }
    public string? CategorySlug { get; init; }
    public TicketPriority Priority { get; init; } = TicketPriority.Medium;
    public string? Message { get; init; }
    /// <summary>Files the surface has checked by the support form's rules (the portal); none from the API.</summary>
    public IReadOnlyList<IncomingFile>? Files { get; init; }
}

public enum CustomerRefusalKind
{
    /// <summary>No such ticket, or not this customer's: the same answer for both.</summary>
    NotFound = 0,
    /// <summary>A field is missing or wrong; <see cref="CustomerRefusal.Errors"/> names it.</summary>
    Invalid = 1,
}

public sealed record CustomerRefusal(CustomerRefusalKind Kind, string Message, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public const string TicketNotFound = "Destek talebi bulunamadı.";

    public static CustomerRefusal NotFound { get; } = new(CustomerRefusalKind.NotFound, TicketNotFound, new Dictionary<string, IReadOnlyList<string>>());

    public static CustomerRefusal Invalid(string field, string message) =>
        new(CustomerRefusalKind.Invalid, message, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });
}

/// <summary>A write's answer: the value, or why it was refused (then nothing was saved).</summary>
public sealed record CustomerResult<T>(T? Value, CustomerRefusal? Refusal)
    where T : class
{
    public static implicit operator CustomerResult<T>(T value) => new(value, null);

    public static implicit operator CustomerResult<T>(CustomerRefusal refusal) => new(null, refusal);
}

using Destek.Core.Customers;
using Destek.Core.Tickets;

namespace Destek.App.CustomerApi;

// The customer API document's shapes, field for field and in its order. Ids are public UUIDs,
// ticket_number the one configured number (SUP-{yyyy}-NNNNNN), times UTC with Z.
#pragma warning disable CA1812 // Serialized, never constructed by name elsewhere.

public sealed record CreatedTicketJson(string Id, string TicketNumber, string Subject, string? Category, string Priority, string Status, string CreatedAt);

public sealed record CreateAnswerJson(bool Success, string Message, CreatedTicketJson Ticket);

public sealed record TicketListItemJson(
    string Id, string TicketNumber, string Subject, string? Category, string Priority, string Status,
    int MessageCount, string? LastReplyAt, string CreatedAt);

public sealed record TicketListJson(IReadOnlyList<TicketListItemJson> Tickets, int TotalCount, bool HasMore, int Page, int Limit);

public sealed record MessageJson(string Id, string SenderId, string SenderName, string? SenderEmail, bool IsAdmin, string Message, string CreatedAt);

public sealed record TicketDetailJson(
    string Id, string TicketNumber, string Subject, string? Category, string Priority, string Status, int MessageCount,
    IReadOnlyList<MessageJson> Messages, string CreatedAt, string UpdatedAt);

public sealed record MessagesJson(IReadOnlyList<MessageJson> Messages);

public sealed record SupportMessageJson(string Id, string TicketId, string SenderId, string Message, string CreatedAt);

public sealed record ReplyAnswerJson(bool Success, string Message, SupportMessageJson SupportMessage);

#pragma warning restore CA1812

/// <summary>From Core's customer objects to the document's JSON.</summary>
public static class CustomerApiJson
{
    public static CreatedTicketJson Created(CustomerTicketSummary t) =>
        new(Id(t.Id), t.Number, t.Subject, t.CategorySlug, TicketLifecycle.ToTurkish(t.Priority), t.Status, ExternalFormat.Timestamp(t.CreatedAt));

    public static TicketListItemJson Item(CustomerTicketSummary t) =>
        new(Id(t.Id), t.Number, t.Subject, t.CategorySlug, TicketLifecycle.ToTurkish(t.Priority), t.Status, t.MessageCount,
            ExternalFormat.Timestamp(t.LastReplyAt), ExternalFormat.Timestamp(t.CreatedAt));

    public static MessageJson Message(CustomerMessage m) =>
        new(Id(m.Id), Id(m.SenderId), m.SenderName, m.SenderEmail, m.IsStaff, m.Body, ExternalFormat.Timestamp(m.CreatedAt));

    public static TicketDetailJson Detail(CustomerTicketDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var t = d.Ticket;
        return new(Id(t.Id), t.Number, t.Subject, t.CategorySlug, TicketLifecycle.ToTurkish(t.Priority), t.Status, t.MessageCount,
            d.Messages.Select(Message).ToList(), ExternalFormat.Timestamp(t.CreatedAt), ExternalFormat.Timestamp(t.UpdatedAt));
    }

    public static SupportMessageJson SupportMessage(CustomerMessage m) =>
        new(Id(m.Id), Id(m.TicketId), Id(m.SenderId), m.Body, ExternalFormat.Timestamp(m.CreatedAt));

    private static string Id(Guid id) => id.ToString("D");
}

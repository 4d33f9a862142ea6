using System.Globalization;
using System.Text.Json;
using Destek.Core.Tickets;

namespace Destek.Core.ExternalApi;

/// <summary>
/// How seed-000 writes values. Timestamps are UTC with a trailing Z and whole seconds
/// (<c>2026-02-01T10:30:00Z</c>): the seed shows them without a zone, API-CONVENTIONS.md asks for
/// the Z, and every client that parses the seed's form parses this one. Webhook envelopes carry
/// milliseconds (<c>2026-02-01T14:30:00.000Z</c>) as the seed shows.
/// </summary>
public static class ExternalFormat
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Timestamp(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTime? value) => value is { } v ? Timestamp(v) : null;

    public static string EnvelopeTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Source(TicketSource source) => source switch
    {
        TicketSource.Api => "api",
        TicketSource.WebForm => "web",
        TicketSource.Portal => "portal",
        TicketSource.Agent => "agent",
        _ => source.ToString().ToLowerInvariant(),
    };
}

/// <summary>seed-000's ticket (create and detail answers).</summary>
public sealed record ExternalTicket(
    int Id, string Title, string Description, string Status, string Priority, string Source, string? ExternalRef,
    int DepartmentId, string DepartmentName, int? AssigneeId, string? AssigneeName, bool IsPrivate,
    string CreatedAt, string? UpdatedAt, string? ClosedAt, int CommentsCount, int AttachmentsCount);

/// <summary>seed-000's list row.</summary>
public sealed record ExternalTicketRow(
    int Id, string Title, string Status, string Priority, string Source, string? ExternalRef, string DepartmentName,
    string CreatedAt, int CommentsCount, int AttachmentsCount);

public sealed record ExternalTicketPage(IReadOnlyList<ExternalTicketRow> Tickets, int Total, int Page, int PerPage, int Pages);

/// <summary>seed-000's comment.</summary>
public sealed record ExternalComment(int Id, string Content, int? UserId, string UserName, string CreatedAt);

using System.Globalization;
using System.Text.Json;

namespace Destek.Core.Tickets;

/// <summary>
/// How the external API (and its webhooks) write ticket values, next to the status and priority
/// names in <see cref="TicketLifecycle"/>. How the external API's writes values. Timestamps are UTC with a trailing Z and whole seconds
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

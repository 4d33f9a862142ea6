using System.Net.Http.Headers;
using Destek.Core.Tickets;

namespace Destek.Core.Webhooks;

/// <summary>Which document an endpoint follows: its events, its signature header, its retries.</summary>
public enum WebhookKind
{
    /// <summary>The external API's ticket webhooks (seed-000), owned by an API client.</summary>
    Ticket = 0,

    /// <summary>The e-invoice webhooks (seed-003), owned by an organization.</summary>
    EInvoice = 1,

    /// <summary>The invoice platform's events (seed-001), owned by an organization.</summary>
    InvoicePlatform = 2,
}

/// <summary>How a kind fills <c>X-Webhook-Signature</c>; the other headers are the same for every kind.</summary>
public interface IWebhookSigningScheme
{
    void Sign(HttpRequestHeaders headers, string body, string timestamp, string secret);
}

/// <summary>When a kind tries again after a failed attempt; null means give up (the delivery is failed).</summary>
public interface IWebhookRetrySchedule
{
    TimeSpan? NextDelay(int attemptsMade, WebhookSubscription subscription);
}

/// <summary>seed-000: <c>sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>.</summary>
public sealed class BodySigningScheme : IWebhookSigningScheme
{
    public void Sign(HttpRequestHeaders headers, string body, string timestamp, string secret)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.Add("X-Webhook-Signature", "sha256=" + WebhookSender.Sign(secret, body));
    }
}

/// <summary>seed-003: <c>&lt;hex HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;raw body&gt;")&gt;</c>, no prefix.</summary>
public sealed class TimestampedSigningScheme : IWebhookSigningScheme
{
    public void Sign(HttpRequestHeaders headers, string body, string timestamp, string secret)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.Add("X-Webhook-Signature", WebhookSender.Sign(secret, timestamp + "." + body));
    }
}

/// <summary>
/// seed-001: <c>t=&lt;unix&gt;, v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>, the document's own spelling;
/// the sender adds the same value as <c>X-Signature</c> to every delivery.
/// </summary>
public sealed class InvoicePlatformSigningScheme : IWebhookSigningScheme
{
    public void Sign(HttpRequestHeaders headers, string body, string timestamp, string secret)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.Add("X-Webhook-Signature", $"t={timestamp}, v1={WebhookSender.Sign(secret, timestamp + "." + body)}");
    }
}

/// <summary>seed-000: the subscription's own budget, a fixed delay apart (default 3 attempts, 60 s).</summary>
public sealed class SubscriptionRetrySchedule : IWebhookRetrySchedule
{
    public TimeSpan? NextDelay(int attemptsMade, WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return attemptsMade < subscription.MaxAttempts ? TimeSpan.FromSeconds(subscription.RetryDelaySeconds) : null;
    }
}

/// <summary>A fixed ladder of delays: after the last one has been waited out and failed, the delivery is failed.</summary>
public sealed class LadderRetrySchedule(params TimeSpan[] delays) : IWebhookRetrySchedule
{
    public IReadOnlyList<TimeSpan> Delays { get; } = delays;

    public TimeSpan? NextDelay(int attemptsMade, WebhookSubscription subscription) =>
        attemptsMade >= 1 && attemptsMade <= Delays.Count ? Delays[attemptsMade - 1] : null;
}

/// <summary>Everything the engine does differently per kind, in one place.</summary>
public sealed record WebhookKindProfile(
    WebhookKind Kind,
    IReadOnlyList<string> Events,
    IWebhookSigningScheme Signing,
    IWebhookRetrySchedule Retries,
    Func<WebhookSubscription, Guid, DateTimeOffset, string> TestPayload)
{
    /// <summary>Checks and orders what an admin picked; wildcards (<c>einvoice.*</c>) are events of the list too.</summary>
    public List<string> Normalize(IEnumerable<string> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList();
        var unknown = list.Except(Events).ToList();
        if (unknown.Count > 0)
        {
            throw new WebhookAdminException($"Bilinmeyen olay: {string.Join(", ", unknown)}. Geçerli olaylar: {string.Join(", ", Events)}.");
        }

        if (list.Count == 0)
        {
            throw new WebhookAdminException("En az bir olay seçilmelidir.");
        }

        return Events.Where(list.Contains).ToList();
    }
}

public static class WebhookKinds
{
    public static readonly WebhookKindProfile Ticket = new(
        WebhookKind.Ticket, TicketEvent.All, new BodySigningScheme(), new SubscriptionRetrySchedule(),
        (subscription, _, now) => WebhookPayloads.ForTest(subscription.Id, now));

    public static readonly WebhookKindProfile EInvoice = new(
        WebhookKind.EInvoice, EInvoiceEvents.Subscribable, new TimestampedSigningScheme(),
        new LadderRetrySchedule(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(6)),
        (subscription, eventId, now) => EInvoicePayloads.ForTest(subscription.Id, eventId, now));

    public static readonly WebhookKindProfile InvoicePlatform = new(
        WebhookKind.InvoicePlatform, InvoicePlatformEvents.Subscribable, new InvoicePlatformSigningScheme(),
        new LadderRetrySchedule(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(6)),
        (subscription, eventId, now) => EInvoicePayloads.ForEvent(InvoicePlatformEvents.Test, eventId, now,
            new { WebhookId = subscription.Id, Message = "Destek fatura platformu webhook test bildirimi." }));

    private static readonly Dictionary<WebhookKind, WebhookKindProfile> ByKind = new[] { Ticket, EInvoice, InvoicePlatform }.ToDictionary(p => p.Kind);

    public static WebhookKindProfile For(WebhookKind kind) => ByKind[kind];

    /// <summary>Whether an endpoint that chose <paramref name="subscribed"/> wants <paramref name="eventName"/> (<c>prefix.*</c> wildcards included).</summary>
    public static bool Wants(IReadOnlySet<string> subscribed, string eventName)
    {
        ArgumentNullException.ThrowIfNull(subscribed);
        ArgumentNullException.ThrowIfNull(eventName);
        return subscribed.Contains(eventName) || subscribed.Any(s => s.EndsWith(".*", StringComparison.Ordinal) && eventName.StartsWith(s[..^1], StringComparison.Ordinal));
    }
}

/// <summary>seed-003's event names.</summary>
public static class EInvoiceEvents
{
    public const string Created = "einvoice.created";
    public const string Issued = "einvoice.issued";
    public const string Sent = "einvoice.sent";
    public const string StatusChanged = "einvoice.status_changed";
    public const string Cancelled = "einvoice.cancelled";
    public const string ReturnCreated = "einvoice.return_created";
    public const string CreditNoteCreated = "einvoice.credit_note_created";
    public const string Wildcard = "einvoice.*";
    public const string Test = WebhookPayloads.TestEvent;

    /// <summary>What a raiser may announce.</summary>
    public static readonly IReadOnlyList<string> All = [Created, Issued, Sent, StatusChanged, Cancelled, ReturnCreated, CreditNoteCreated];

    /// <summary>What an endpoint may subscribe to: the events, the wildcard and the test event.</summary>
    public static readonly IReadOnlyList<string> Subscribable = [.. All, Wildcard, Test];
}

/// <summary>seed-001's invoice event names.</summary>
public static class InvoicePlatformEvents
{
    public const string Created = "invoice.created";
    public const string Sent = "invoice.sent";
    public const string Failed = "invoice.failed";
    public const string Canceled = "invoice.canceled";
    public const string Wildcard = "invoice.*";
    public const string Test = WebhookPayloads.TestEvent;

    public static readonly IReadOnlyList<string> All = [Created, Sent, Failed, Canceled];

    public static readonly IReadOnlyList<string> Subscribable = [.. All, Wildcard, Test];
}

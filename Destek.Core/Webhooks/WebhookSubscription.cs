namespace Destek.Core.Webhooks;

/// <summary>
/// An endpoint of one <see cref="WebhookKind"/>: where an API client wants to hear about its tickets
/// (the external API's eight events), or where an organization wants to hear about its e-invoices
/// (seed-003). The kind decides the events, the signature and the retries (<see cref="WebhookKinds"/>).
/// The signing secret must stay readable to sign with, so it is kept encrypted with Data Protection
/// (see <see cref="WebhookSecrets"/>), never in clear.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlMaxLength = 2000;
    public const int DefaultMaxAttempts = 3;
    public const int DefaultRetryDelaySeconds = 60;

    private WebhookSubscription()
    {
    }

    public int Id { get; private set; }
    public WebhookKind Kind { get; private set; }
    /// <summary>The owner of a ticket endpoint.</summary>
    public int? ApiClientId { get; private set; }
    /// <summary>The owner of an e-invoice endpoint.</summary>
    public int? OrganizationId { get; private set; }
    public string Url { get; private set; } = "";
    public List<string> Events { get; private set; } = [];
    public string EncryptedSecret { get; private set; } = "";
    public int MaxAttempts { get; private set; } = DefaultMaxAttempts;
    public int RetryDelaySeconds { get; private set; } = DefaultRetryDelaySeconds;
    public bool IsActive { get; private set; }
    /// <summary>Why the system switched it off (a 410 Gone), shown to admins.</summary>
    public string? DeactivatedReason { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static WebhookSubscription Create(int apiClientId, Uri url, IEnumerable<string> events, string encryptedSecret, int maxAttempts, int retryDelaySeconds, DateTime now)
    {
        var subscription = new WebhookSubscription
        {
            Kind = WebhookKind.Ticket,
            ApiClientId = apiClientId,
            EncryptedSecret = encryptedSecret,
            IsActive = true,
            CreatedAt = now,
        };
        subscription.Update(url, events, maxAttempts, retryDelaySeconds);
        return subscription;
    }

    /// <summary>An organization's e-invoice endpoint; its retries are seed-003's fixed ladder, so the budget fields only describe it.</summary>
    public static WebhookSubscription CreateEInvoice(int organizationId, Uri url, IEnumerable<string> events, string encryptedSecret, DateTime now)
    {
        var subscription = new WebhookSubscription
        {
            Kind = WebhookKind.EInvoice,
            OrganizationId = organizationId,
            EncryptedSecret = encryptedSecret,
            IsActive = true,
            CreatedAt = now,
        };
        subscription.Update(url, events, EInvoiceAttempts, 60);
        return subscription;
    }

    /// <summary>An organization's invoice-platform endpoint (seed-001); retries are the kind's fixed ladder, as for e-invoices.</summary>
    public static WebhookSubscription CreateInvoicePlatform(int organizationId, Uri url, IEnumerable<string> events, string encryptedSecret, DateTime now)
    {
        var subscription = new WebhookSubscription
        {
            Kind = WebhookKind.InvoicePlatform,
            OrganizationId = organizationId,
            EncryptedSecret = encryptedSecret,
            IsActive = true,
            CreatedAt = now,
        };
        subscription.Update(url, events, EInvoiceAttempts, 60);
        return subscription;
    }

    /// <summary>seed-003: the first attempt and five retries.</summary>
    public const int EInvoiceAttempts = 6;

    public WebhookKindProfile Profile => WebhookKinds.For(Kind);

    public void Update(Uri url, IEnumerable<string> events, int maxAttempts, int retryDelaySeconds)
    {
        ArgumentNullException.ThrowIfNull(url);
        var list = Profile.Normalize(events);
        if (maxAttempts is < 1 or > 20)
        {
            throw new WebhookAdminException("Deneme sayısı 1 ile 20 arasında olmalıdır.");
        }

        if (retryDelaySeconds is < 1 or > 86_400)
        {
            throw new WebhookAdminException("Bekleme süresi 1 ile 86400 saniye arasında olmalıdır.");
        }

        Url = url.ToString();
        Events = list;
        MaxAttempts = maxAttempts;
        RetryDelaySeconds = retryDelaySeconds;
    }

    public void Activate()
    {
        IsActive = true;
        DeactivatedReason = null;
    }

    public void Deactivate(string? reason)
    {
        IsActive = false;
        DeactivatedReason = reason;
    }
}

public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}

/// <summary>
/// One event for one subscription: an outbox row written in the transaction of the ticket change.
/// The body is fixed when the event happens and signed as stored, so every attempt sends the same
/// bytes and the same X-Webhook-Id (receivers can drop duplicates).
/// </summary>
public sealed class WebhookDelivery
{
    private readonly List<WebhookAttempt> _attempts = [];

    private WebhookDelivery()
    {
    }

    public long Id { get; private set; }
    public int SubscriptionId { get; private set; }
    public WebhookSubscription? Subscription { get; private set; }
    public Guid WebhookId { get; private set; }
    public string Event { get; private set; } = "";
    public int? TicketId { get; private set; }
    /// <summary>
    /// The ticket or invoice the event is about (<c>ticket:42</c>, <c>invoice:7</c>): an endpoint gets
    /// one aggregate's events in order, and a pending one holds back the later ones. Null (the test
    /// event) is ordered with nothing.
    /// </summary>
    public string? AggregateKey { get; private set; }
    public string Payload { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    public int AttemptCount { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }
    /// <summary>Set while a sender holds the row, so two senders never post it at once.</summary>
    public DateTime? LockedUntil { get; private set; }
    /// <summary>The batch claim that holds the row: a sender marks a batch with a fresh token in one UPDATE, then reads back its rows by it.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public IReadOnlyList<WebhookAttempt> Attempts => _attempts;

    public const int AggregateKeyMaxLength = 100;

    public static WebhookDelivery Create(int subscriptionId, string eventType, int? ticketId, string payload, DateTime now) =>
        Create(subscriptionId, eventType, ticketId is int id ? $"ticket:{id}" : null, ticketId, payload, now);

    public static WebhookDelivery Create(int subscriptionId, string eventType, string? aggregateKey, int? ticketId, string payload, DateTime now, Guid? webhookId = null) => new()
    {
        SubscriptionId = subscriptionId,
        WebhookId = webhookId ?? Guid.NewGuid(),
        Event = eventType,
        AggregateKey = aggregateKey is { Length: > AggregateKeyMaxLength } ? throw new ArgumentException("Aggregate key too long.", nameof(aggregateKey)) : aggregateKey,
        TicketId = ticketId,
        Payload = payload,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>
    /// Records one attempt and decides what comes next: done on 2xx; failed for good on 410 (the
    /// caller deactivates the subscription) or when the schedule has no further delay; otherwise
    /// again after the schedule's delay, or later when the receiver asked so with Retry-After.
    /// </summary>
    public WebhookAttempt RecordAttempt(WebhookSendResult result, IWebhookRetrySchedule schedule, WebhookSubscription subscription, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return RecordAttempt(result, schedule.NextDelay(AttemptCount + 1, subscription), now);
    }

    private WebhookAttempt RecordAttempt(WebhookSendResult result, TimeSpan? retryDelay, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(result);
        AttemptCount++;
        LastStatusCode = result.StatusCode;
        LastError = result.Error;
        LockedUntil = null;
        ClaimToken = null;
        var attempt = WebhookAttempt.Create(this, result, now);
        _attempts.Add(attempt);
        if (result.Succeeded)
        {
            Status = DeliveryStatus.Delivered;
            NextAttemptAt = null;
            CompletedAt = now;
        }
        else if (result.StatusCode == 410 || retryDelay is not { } delayed)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
            CompletedAt = now;
        }
        else
        {
            var delay = result.RetryAfter is { } asked && asked > delayed ? asked : delayed;
            Status = DeliveryStatus.Pending;
            NextAttemptAt = now + delay;
        }

        return attempt;
    }

    /// <summary>
    /// The gate (module switch) is closed for the endpoint's owner: not an attempt, so the budget is
    /// untouched; the row waits and says why, and still holds back its aggregate's later events.
    /// </summary>
    public void HoldBack(string reason, DateTime until)
    {
        LastError = reason;
        NextAttemptAt = until;
        LockedUntil = null;
        ClaimToken = null;
    }

    /// <summary>
    /// An admin's "Yeniden gönder": the same body and id, a fresh set of attempts, now. Only the
    /// retry budget starts over; the attempts already made stay in the log and count there.
    /// </summary>
    public void Redeliver(DateTime now)
    {
        Status = DeliveryStatus.Pending;
        AttemptCount = 0;
        NextAttemptAt = now;
        CompletedAt = null;
        LockedUntil = null;
        ClaimToken = null;
    }
}

/// <summary>One POST of a delivery, as admins see it in the log.</summary>
public sealed class WebhookAttempt
{
    public const int ResponseMaxBytes = 1024;

    private WebhookAttempt()
    {
    }

    public long Id { get; private set; }
    public long DeliveryId { get; private set; }
    public DateTime AttemptedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public int DurationMs { get; private set; }
    /// <summary>The first 1 KiB of the receiver's answer.</summary>
    public string? Response { get; private set; }
    public string? Error { get; private set; }

    internal static WebhookAttempt Create(WebhookDelivery delivery, WebhookSendResult result, DateTime now) => new()
    {
        DeliveryId = delivery.Id,
        AttemptedAt = now,
        StatusCode = result.StatusCode,
        DurationMs = result.DurationMs,
        Response = result.Response,
        Error = result.Error,
    };
}

/// <summary>What happened to one POST.</summary>
public sealed record WebhookSendResult(int? StatusCode, int DurationMs, string? Response, string? Error, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

public sealed class WebhookAdminException(string message) : InvalidOperationException(message);

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Destek.Core.Data;
using Destek.Core.Tickets;

namespace Destek.Core.Webhooks;

/// <summary>
/// The raisers' door to the e-invoice webhooks: an invoice change calls <see cref="EnqueueAsync"/> on
/// the context it is saving, so the outbox rows commit (or roll back) with the change. Delivery,
/// ordering per aggregate, retries and the module gate are the engine's business.
/// </summary>
public sealed class EInvoiceWebhooks(WebhookSubscriptionCache subscriptions, TimeProvider clock)
{
    /// <summary>
    /// Adds one outbox row per active e-invoice endpoint of <paramref name="organizationId"/> that wants
    /// <paramref name="eventName"/> (wildcard included), to be written by the caller's SaveChanges. The
    /// body is seed-003's envelope, <c>{"event","id","created_at","data"}</c>, with <paramref name="data"/>
    /// (<c>{einvoice:{…}, user:{id}}</c>, built by the raiser) serialized in snake_case as its <c>data</c>.
    /// Every endpoint gets the same event id in the body and its own <c>X-Webhook-Id</c>. Returns the rows added.
    /// </summary>
    public async Task<int> EnqueueAsync(DestekDbContext db, int organizationId, string eventName, string aggregateKey, object data,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        if (!EInvoiceEvents.All.Contains(eventName))
        {
            throw new ArgumentException($"Unknown e-invoice event '{eventName}'.", nameof(eventName));
        }

        if (string.IsNullOrWhiteSpace(aggregateKey) || aggregateKey.Length > WebhookDelivery.AggregateKeyMaxLength)
        {
            throw new ArgumentException("An aggregate key such as 'invoice:42' is required.", nameof(aggregateKey));
        }

        ITicketEventSink sink = db;
        var targets = (await subscriptions.ForOrganizationAsync(sink, organizationId, cancellationToken))
            .Where(s => WebhookKinds.Wants(s.Events, eventName)).ToList();
        if (targets.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var body = EInvoicePayloads.ForEvent(eventName, Guid.NewGuid(), now, data);
        foreach (var target in targets)
        {
            sink.Add(WebhookDelivery.Create(target.Id, eventName, aggregateKey, null, body, now.UtcDateTime));
        }

        return targets.Count;
    }
}

/// <summary>seed-003's webhook bodies.</summary>
public static class EInvoicePayloads
{
    /// <summary>snake_case, as the document shows; Turkish letters kept as they are.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ForEvent(string eventName, Guid eventId, DateTimeOffset createdAt, object data) => Write(w =>
    {
        w.WriteString("event", eventName);
        w.WriteString("id", eventId.ToString());
        w.WriteString("created_at", createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WritePropertyName("data");
        JsonSerializer.Serialize(w, data, data.GetType(), Json);
    });

    public static string ForTest(int subscriptionId, Guid eventId, DateTimeOffset now) =>
        ForEvent(EInvoiceEvents.Test, eventId, now, new { WebhookId = subscriptionId, Message = "Destek e-fatura webhook test bildirimi." });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

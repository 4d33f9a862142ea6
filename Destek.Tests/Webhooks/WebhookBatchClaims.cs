using System.Text.Json;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Webhooks;

/// <summary>
/// A sender claims a batch of line heads in one UPDATE, posts them side by side and saves their
/// outcomes together: claimers running at once never share a row, a batch never holds two events of
/// one line, and a failure inside a batch holds back only its own line. Runs on PostgreSQL too (Integration).
/// </summary>
[Trait("Category", "Integration")]
public sealed class WebhookBatchClaims(WebhookEngineFactory app) : IClassFixture<WebhookEngineFactory>, IAsyncLifetime
{
    private static readonly string[] Lifecycle = [EInvoiceEvents.Created, EInvoiceEvents.Issued, EInvoiceEvents.Sent, EInvoiceEvents.StatusChanged];
    private readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _receiver.Dispose();
        await app.SwitchOffAllAsync();
    }

    [Fact]
    public async Task TwoClaimersAtOnceNeverGetTheSameRow()
    {
        var org = WebhookEngineFactory.NewOrganizationId();
        var endpoint = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);
        for (var invoice = 1; invoice <= 40; invoice++)
        {
            await app.RaiseAsync(org, EInvoiceEvents.Created, invoice);
        }

        // Eight small batches claimed side by side: forty line heads, each claimable by one of them only.
        var dispatcher = app.Get<WebhookDispatcher>();
        var attempted = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => dispatcher.DeliverDueAsync(batchSize: 7))));
        var total = attempted.Sum() + await app.DrainAsync();

        Assert.Equal(40, total);
        Assert.Equal(40, _receiver.Received.Count);
        Assert.Equal(40, _receiver.Received.Select(r => r.Headers["X-Webhook-Id"]).Distinct().Count());
        var deliveries = await app.WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().Include(d => d.Attempts)
            .Where(d => d.SubscriptionId == endpoint.Id).ToListAsync());
        Assert.Equal(40, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(DeliveryStatus.Delivered, d.Status);
            Assert.Single(d.Attempts);
            Assert.Null(d.LockedUntil);
        });
    }

    [Fact]
    public async Task ABatchTakesOnlyTheHeadOfEachLineAndTheLinesStayInOrder()
    {
        var org = WebhookEngineFactory.NewOrganizationId();
        await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);
        foreach (var eventName in Lifecycle)
        {
            for (var invoice = 1; invoice <= 5; invoice++)
            {
                await app.RaiseAsync(org, eventName, invoice);
            }
        }

        // Room for all twenty rows, but only five lines: one batch sends each invoice's first event only.
        Assert.Equal(5, await app.Get<WebhookDispatcher>().DeliverDueAsync(batchSize: 100));
        Assert.All(_receiver.Received, r => Assert.Equal(EInvoiceEvents.Created, r.Event));
        Assert.Equal([1, 2, 3, 4, 5], _receiver.Received.Select(InvoiceOf).Order().ToArray());

        Assert.Equal(15, await app.DrainAsync());
        for (var invoice = 1; invoice <= 5; invoice++)
        {
            Assert.Equal(Lifecycle, EventsOf(invoice));
        }
    }

    [Fact]
    public async Task AFailureInABatchHoldsBackOnlyItsOwnLine()
    {
        _receiver.Answer = r => InvoiceOf(r) == 2 && r.Event == EInvoiceEvents.Created ? (500, "geçici hata", null) : (200, "ok", null);
        var org = WebhookEngineFactory.NewOrganizationId();
        var endpoint = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);
        foreach (var eventName in Lifecycle)
        {
            for (var invoice = 1; invoice <= 4; invoice++)
            {
                await app.RaiseAsync(org, eventName, invoice);
            }
        }

        // The first batch holds the four heads, invoice 2's among them; its failure is saved beside three successes.
        Assert.Equal(4, await app.Get<WebhookDispatcher>().DeliverDueAsync(batchSize: 100));
        var afterFirstBatch = await AttemptsAsync(endpoint.Id);
        Assert.Equal(4, afterFirstBatch.Count);
        Assert.Equal([200, 200, 200, 500], afterFirstBatch.Select(a => a.StatusCode ?? 0).Order().ToArray());

        Assert.Equal(9, await app.DrainAsync()); // invoices 1, 3 and 4; invoice 2 waits for its retry
        foreach (var invoice in new[] { 1, 3, 4 })
        {
            Assert.Equal(Lifecycle, EventsOf(invoice));
        }

        Assert.Equal([EInvoiceEvents.Created], EventsOf(2));
        var line = (await app.DeliveriesAsync(endpoint.Id)).Where(d => d.AggregateKey == "invoice:2").ToList();
        Assert.Equal(Lifecycle, line.Select(d => d.Event).ToArray());
        Assert.All(line, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        Assert.Equal([1, 0, 0, 0], line.Select(d => d.AttemptCount).ToArray());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), line[0].NextAttemptAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal("HTTP 500", line[0].LastError);

        _receiver.Answer = _ => (200, "ok", null);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(4, await app.DrainAsync());
        Assert.Equal([EInvoiceEvents.Created, .. Lifecycle], EventsOf(2));
    }

    private Task<List<WebhookAttempt>> AttemptsAsync(int subscriptionId) =>
        app.WithDbAsync(db => db.Set<WebhookAttempt>().AsNoTracking()
            .Where(a => db.Set<WebhookDelivery>().Any(d => d.Id == a.DeliveryId && d.SubscriptionId == subscriptionId)).ToListAsync());

    private static int InvoiceOf(ReceivedWebhook webhook) =>
        JsonDocument.Parse(webhook.Body).RootElement.GetProperty("data").GetProperty("einvoice").GetProperty("id").GetInt32();

    private string[] EventsOf(int invoiceId) => _receiver.Received.Where(r => InvoiceOf(r) == invoiceId).Select(r => r.Event).ToArray();
}

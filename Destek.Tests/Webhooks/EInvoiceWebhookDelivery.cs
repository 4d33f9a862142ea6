using System.Text.Json;
using Destek.Core.Data;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Destek.Tests.Webhooks;

/// <summary>
/// E-invoice webhooks through the one engine: seed-003's headers, body and signature, its retry
/// ladder on the test clock, the test button, redelivery, wildcard matching and the module gate.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceWebhookDelivery(WebhookEngineFactory app) : IClassFixture<WebhookEngineFactory>, IAsyncLifetime
{
    /// <summary>PostgreSQL keeps microseconds, .NET ticks.</summary>
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);
    private readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _receiver.Dispose();
        await app.SwitchOffAllAsync();
    }

    [Fact]
    public async Task ArrivesWithTheDocumentsHeadersAndASignatureTheFormulaVerifies()
    {
        var org = WebhookEngineFactory.NewOrganizationId();
        await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Issued], WebhookEngineFactory.Secret);

        Assert.Equal(1, await app.RaiseAsync(org, EInvoiceEvents.Issued, 456));
        Assert.Equal(1, await app.DrainAsync());

        var webhook = Assert.Single(_receiver.Received);
        Assert.True(EInvoiceSignature.Verify(webhook, WebhookEngineFactory.Secret, app.Clock.GetUtcNow()));
        Assert.False(EInvoiceSignature.Verify(webhook, WebhookEngineFactory.Secret + "x", app.Clock.GetUtcNow()));
        Assert.False(EInvoiceSignature.Verify(webhook with { Body = [.. webhook.Body[..^2], (byte)' ', webhook.Body[^1]] }, WebhookEngineFactory.Secret, app.Clock.GetUtcNow()));
        Assert.False(EInvoiceSignature.Verify(webhook, WebhookEngineFactory.Secret, app.Clock.GetUtcNow().AddMinutes(6)));
        Assert.DoesNotContain("sha256=", webhook.Headers["X-Webhook-Signature"], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", webhook.Headers["X-Webhook-Signature"]);

        Assert.Equal("einvoice.issued", webhook.Headers["X-Webhook-Event"]);
        Assert.True(Guid.TryParse(webhook.Headers["X-Webhook-Id"], out _));
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), webhook.Headers["X-Webhook-Timestamp"]);

        var body = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal(["event", "id", "created_at", "data"], body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("einvoice.issued", body.GetProperty("event").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", body.GetProperty("created_at").GetString());
        var einvoice = body.GetProperty("data").GetProperty("einvoice");
        Assert.Equal(456, einvoice.GetProperty("id").GetInt32());
        Assert.Equal("EA-2026-000456", einvoice.GetProperty("invoice_no").GetString());
        Assert.Equal(120, einvoice.GetProperty("totals").GetProperty("grand_total").GetInt32());
        Assert.Equal("queued", einvoice.GetProperty("provider_status").GetString());
        Assert.Equal(2, body.GetProperty("data").GetProperty("user").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task RetriesAfterOneFiveFifteenSixtyMinutesAndSixHoursThenFailsAndCanBeRedelivered()
    {
        _receiver.Answer = _ => (500, "boom", null);
        var org = WebhookEngineFactory.NewOrganizationId();
        var webhook = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);
        await app.RaiseAsync(org, EInvoiceEvents.Created, 1, "draft");

        Assert.Equal(1, await app.DrainAsync());
        foreach (var wait in new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(6) })
        {
            var delivery = Assert.Single(await app.DeliveriesAsync(webhook.Id));
            Assert.Equal(DeliveryStatus.Pending, delivery.Status);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + wait, delivery.NextAttemptAt!.Value, Microsecond);
            app.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await app.DrainAsync());
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await app.DrainAsync());
        }

        var failed = Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(6, failed.Attempts.Count);
        Assert.Null(failed.NextAttemptAt);
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await app.DrainAsync());
        Assert.Equal(6, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r.Headers["X-Webhook-Id"]).Distinct());

        _receiver.Answer = _ => (200, "tamam", null);
        Assert.Equal(200, (await app.Get<WebhookDispatcher>().RedeliverAsync(failed.Id))!.StatusCode);
        var redelivered = Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
        Assert.Equal(DeliveryStatus.Delivered, redelivered.Status);
        Assert.Equal(7, redelivered.Attempts.Count);
        Assert.True(EInvoiceSignature.Verify(_receiver.Received.Last(), WebhookEngineFactory.Secret, app.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task TheTestButtonSendsWebhookTestSignedByTheDocumentsFormula()
    {
        _receiver.Answer = _ => (202, "alındı", null);
        var org = WebhookEngineFactory.NewOrganizationId();
        var webhook = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Sent], WebhookEngineFactory.Secret);

        var result = await app.Get<WebhookDispatcher>().SendTestAsync(webhook.Id);

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("alındı", result.Response);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("webhook.test", received.Event);
        Assert.True(EInvoiceSignature.Verify(received, WebhookEngineFactory.Secret, app.Clock.GetUtcNow()));
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("webhook.test", body.GetProperty("event").GetString());
        Assert.Equal(webhook.Id, body.GetProperty("data").GetProperty("webhook_id").GetInt32());
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id)).Status);
    }

    [Fact]
    public async Task OnlyTheOrganizationsActiveEndpointsThatWantTheEventGetIt()
    {
        var org = WebhookEngineFactory.NewOrganizationId();
        var admin = app.Get<WebhookAdmin>();
        var all = await admin.CreateEInvoiceAsync(org, _receiver.Url + "?all", [EInvoiceEvents.Wildcard]);
        var cancelled = await admin.CreateEInvoiceAsync(org, _receiver.Url + "?cancelled", [EInvoiceEvents.Cancelled]);
        var off = await admin.CreateEInvoiceAsync(org, _receiver.Url + "?off", [EInvoiceEvents.Wildcard]);
        await admin.SetActiveAsync(off.Id, false);
        var elsewhere = await admin.CreateEInvoiceAsync(WebhookEngineFactory.NewOrganizationId(), _receiver.Url + "?other", [EInvoiceEvents.Wildcard]);

        Assert.Equal(1, await app.RaiseAsync(org, EInvoiceEvents.Issued, 10));
        Assert.Equal(2, await app.RaiseAsync(org, EInvoiceEvents.Cancelled, 10, "cancelled"));

        Assert.Equal(2, (await app.DeliveriesAsync(all.Id)).Count);
        Assert.Equal([EInvoiceEvents.Cancelled], (await app.DeliveriesAsync(cancelled.Id)).Select(d => d.Event).ToArray());
        Assert.Empty(await app.DeliveriesAsync(off.Id));
        Assert.Empty(await app.DeliveriesAsync(elsewhere.Id));
        Assert.All(await app.DeliveriesAsync(all.Id), d => Assert.Equal("invoice:10", d.AggregateKey));

        var unknown = await Assert.ThrowsAsync<WebhookAdminException>(() => admin.CreateEInvoiceAsync(org, _receiver.Url, ["ticket.created"]));
        Assert.Contains("Bilinmeyen olay: ticket.created", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => app.RaiseAsync(org, EInvoiceEvents.Wildcard, 10));
    }

    [Fact]
    public async Task AClosedGateRefusesCreateAndActivateAndHoldsDeliveriesBackWithoutSpendingAttempts()
    {
        var gate = new SwitchGate();
        var org = WebhookEngineFactory.NewOrganizationId();
        var admin = new WebhookAdmin(app.Get<IDbContextFactory<DestekDbContext>>(), app.Get<WebhookSecrets>(), app.Get<WebhookUrlGuard>(),
            app.Get<WebhookSubscriptionCache>(), gate, app.Clock);
        var dispatcher = new WebhookDispatcher(app.Get<IDbContextFactory<DestekDbContext>>(), app.Get<WebhookSender>(), app.Get<WebhookSecrets>(),
            app.Get<WebhookSubscriptionCache>(), gate, app.Get<IOptions<WebhookOptions>>(), app.Clock, NullLogger<WebhookDispatcher>.Instance);

        var webhook = await admin.CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);
        await admin.SetActiveAsync(webhook.Id, false);
        gate.Open = false;
        Assert.Equal(WebhookAdmin.GateClosedMessage,
            (await Assert.ThrowsAsync<WebhookAdminException>(() => admin.CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard]))).Message);
        Assert.Equal(WebhookAdmin.GateClosedMessage, (await Assert.ThrowsAsync<WebhookAdminException>(() => admin.SetActiveAsync(webhook.Id, true))).Message);
        await Assert.ThrowsAsync<WebhookAdminException>(() => dispatcher.SendTestAsync(webhook.Id));
        gate.Open = true;
        await admin.SetActiveAsync(webhook.Id, true);
        gate.Open = false;

        await app.RaiseAsync(org, EInvoiceEvents.Issued, 5);
        Assert.Equal(0, await dispatcher.DeliverDueAsync());
        var held = Assert.Single(await app.DeliveriesAsync(webhook.Id));
        Assert.Equal(DeliveryStatus.Pending, held.Status);
        Assert.Equal(0, held.AttemptCount);
        Assert.Equal(WebhookAdmin.GateClosedMessage, held.LastError);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + WebhookDispatcher.GateRecheck, held.NextAttemptAt!.Value, Microsecond);
        Assert.Empty(_receiver.Received);

        gate.Open = true;
        app.Clock.Advance(WebhookDispatcher.GateRecheck);
        Assert.Equal(1, await dispatcher.DeliverDueAsync());
        Assert.Equal(EInvoiceEvents.Issued, Assert.Single(_receiver.Received).Event);
    }

    private sealed class SwitchGate : IWebhookGate
    {
        public bool Open { get; set; } = true;

        public ValueTask<bool> AllowsAsync(WebhookKind kind, int? organizationId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Open || kind != WebhookKind.EInvoice);
    }
}

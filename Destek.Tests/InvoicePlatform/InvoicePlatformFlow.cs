using System.Net;
using System.Text.Json;
using Destek.Core.Invoices;
using Destek.Tests.ExternalApi;

namespace Destek.Tests.InvoicePlatform;

/// <summary>seed-001's example flow in the sandbox, end to end: create (idempotent) → 202 queued → the simulator sends it → a signed invoice.sent → the PDF.</summary>
[Trait("Category", "Integration")]
public sealed class InvoicePlatformFlow(InvoicePlatformFactory app) : IClassFixture<InvoicePlatformFactory>, IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task SandboxInvoiceIsQueuedThenSentBySimulatorWithSignedEventAndPdf()
    {
        var org = await app.NewOrganizationAsync();
        await app.Get<InvoicePlatformWebhookAdmin>().CreateAsync(org, _receiver.Url, secret: InvoicePlatformFactory.Secret);
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));

        var created = await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(), "order-TY-10001");

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var invoice = await InvoicePlatformFactory.JsonAsync(created);
        var id = invoice.GetProperty("id").GetString()!;
        Assert.Equal("/v1/invoices/" + id, created.Headers.Location!.OriginalString);
        Assert.Equal("queued", invoice.GetProperty("status").GetString());
        Assert.StartsWith("TEST-", invoice.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.True(invoice.GetProperty("sandbox").GetBoolean());
        Assert.Equal("muhasebe@ornek.com.tr", invoice.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal(2, invoice.GetProperty("items").GetArrayLength());
        // 2 × 450 − 50 = 850 + 20 % = 1020; 49.90 + 9.98 = 59.88.
        Assert.Equal(1079.88m, invoice.GetProperty("totals").GetProperty("grand_total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("pdf_url").ValueKind);
        Assert.EndsWith("Z", invoice.GetProperty("created_at").GetString(), StringComparison.Ordinal);

        // Not before the simulator's delay.
        app.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await app.RunProvidersAsync());
        Assert.Equal("queued", (await InvoicePlatformFactory.JsonAsync(await http.GetAsync(new Uri("/v1/invoices/" + id, UriKind.Relative)))).GetProperty("status").GetString());

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.RunProvidersAsync());
        var sent = await http.GetAsync(new Uri("/v1/invoices/" + id, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var now = await InvoicePlatformFactory.JsonAsync(sent);
        Assert.Equal("sent", now.GetProperty("status").GetString());
        Assert.Equal($"/v1/invoices/{id}/pdf", now.GetProperty("pdf_url").GetString());

        Assert.Equal(2, await app.DrainAsync());
        var events = _receiver.Received.ToList();
        Assert.Equal(["invoice.created", "invoice.sent"], events.Select(e => e.Headers["X-Webhook-Event"]).ToArray());
        var delivered = events[1];
        Assert.True(PlatformSignature.Verify(delivered, InvoicePlatformFactory.Secret, app.Clock.GetUtcNow()));
        Assert.False(PlatformSignature.Verify(delivered, InvoicePlatformFactory.Secret + "x", app.Clock.GetUtcNow()));
        Assert.False(PlatformSignature.Verify(delivered with { Body = [.. delivered.Body, (byte)' '] }, InvoicePlatformFactory.Secret, app.Clock.GetUtcNow()));
        Assert.False(PlatformSignature.Verify(delivered, InvoicePlatformFactory.Secret, app.Clock.GetUtcNow().AddMinutes(5).AddSeconds(1)));
        Assert.Matches("^t=[0-9]+, v1=[0-9a-f]{64}$", delivered.Headers["X-Webhook-Signature"]);
        var body = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal("invoice.sent", body.GetProperty("event").GetString());
        Assert.Equal(id, body.GetProperty("data").GetProperty("invoice").GetProperty("id").GetString());
        Assert.Equal("sent", body.GetProperty("data").GetProperty("invoice").GetProperty("status").GetString());

        var pdf = await http.GetAsync(new Uri($"/v1/invoices/{id}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        Assert.True(File.Exists(app.Get<InvoicePdfStore>().PathFor(Guid.Parse(id))));
    }

    [Fact]
    public async Task SimulateMovesAtOnceAndCancelIsIdempotent()
    {
        var org = await app.NewOrganizationAsync();
        await app.Get<InvoicePlatformWebhookAdmin>().CreateAsync(org, _receiver.Url, [Core.Webhooks.InvoicePlatformEvents.Failed, Core.Webhooks.InvoicePlatformEvents.Canceled], InvoicePlatformFactory.Secret);
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        var first = (await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(), "a1"))).GetProperty("id").GetString();
        var second = (await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(), "a2"))).GetProperty("id").GetString();

        var failed = await InvoicePlatformFactory.PostAsync(http, $"/v1/sandbox/invoices/{first}/simulate", """{"status":"failed"}""");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal("failed", (await InvoicePlatformFactory.JsonAsync(failed)).GetProperty("status").GetString());
        var late = await InvoicePlatformFactory.PostAsync(http, $"/v1/sandbox/invoices/{first}/simulate", """{"status":"sent"}""");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("conflict", (await InvoicePlatformFactory.JsonAsync(late)).GetProperty("code").GetString());
        var bogus = await InvoicePlatformFactory.PostAsync(http, $"/v1/sandbox/invoices/{first}/simulate", """{"status":"lost"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Equal("status", (await InvoicePlatformFactory.JsonAsync(bogus)).GetProperty("details").GetProperty("field").GetString());

        var cancelled = await InvoicePlatformFactory.PostAsync(http, $"/v1/invoices/{second}/cancel", "{}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await InvoicePlatformFactory.JsonAsync(cancelled)).GetProperty("status").GetString());
        var again = await InvoicePlatformFactory.PostAsync(http, $"/v1/invoices/{second}/cancel", "{}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("cancelled", (await InvoicePlatformFactory.JsonAsync(again)).GetProperty("status").GetString());

        Assert.Equal(2, await app.DrainAsync());
        // Two invoices: each one's events are in order, the two lines are not ordered with each other.
        Assert.Equal(["invoice.canceled", "invoice.failed"], _receiver.Received.Select(e => e.Headers["X-Webhook-Event"]).Order().ToArray());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.RunProvidersAsync());
    }
}

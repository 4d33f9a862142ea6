using System.Text.Json;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Webhooks;

/// <summary>
/// An endpoint hears one ticket's or one invoice's events in the order they happened, with eight
/// sends in flight and two senders claiming at once; a failing event holds back only the later
/// events of its own aggregate for that endpoint. Runs on PostgreSQL too (Integration).
/// </summary>
[Trait("Category", "Integration")]
public sealed class WebhookLineOrder(WebhookEngineFactory app) : IClassFixture<WebhookEngineFactory>, IAsyncLifetime
{
    private static readonly string[] Lifecycle = [EInvoiceEvents.Created, EInvoiceEvents.Issued, EInvoiceEvents.Sent, EInvoiceEvents.StatusChanged];
    private readonly WebhookReceiver _receiver = new();
    private readonly WebhookReceiver _other = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _receiver.Dispose();
        _other.Dispose();
        await app.SwitchOffAllAsync();
    }

    [Fact]
    public async Task EachInvoiceArrivesInOrderAndAFailingEventHoldsBackOnlyItsOwnInvoiceAtThatEndpoint()
    {
        var brokenIssue = true;
        _receiver.Answer = r => brokenIssue && InvoiceOf(r) == 1 && r.Event == EInvoiceEvents.Issued ? (500, "geçici hata", null) : (200, "ok", null);
        var org = WebhookEngineFactory.NewOrganizationId();
        var admin = app.Get<WebhookAdmin>();
        var endpoint = await admin.CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);
        await admin.CreateEInvoiceAsync(org, _other.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);

        // Interleaved as several invoices change side by side, each change in its own transaction.
        foreach (var eventName in Lifecycle)
        {
            for (var invoice = 1; invoice <= 4; invoice++)
            {
                await app.RaiseAsync(org, eventName, invoice);
            }
        }

        await app.DrainAsync();

        for (var invoice = 2; invoice <= 4; invoice++)
        {
            Assert.Equal(Lifecycle, EventsOf(_receiver, invoice));
        }

        Assert.Equal([EInvoiceEvents.Created, EInvoiceEvents.Issued], EventsOf(_receiver, 1));
        for (var invoice = 1; invoice <= 4; invoice++)
        {
            Assert.Equal(Lifecycle, EventsOf(_other, invoice)); // the other endpoint is not held back by this one's failure
        }

        var waiting = (await app.DeliveriesAsync(endpoint.Id)).Where(d => d.AggregateKey == "invoice:1" && d.Status == DeliveryStatus.Pending).ToList();
        Assert.Equal([EInvoiceEvents.Issued, EInvoiceEvents.Sent, EInvoiceEvents.StatusChanged], waiting.Select(d => d.Event).ToArray());
        Assert.Equal([1, 0, 0], waiting.Select(d => d.AttemptCount).ToArray());

        brokenIssue = false;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DrainAsync();
        Assert.Equal([EInvoiceEvents.Created, EInvoiceEvents.Issued, EInvoiceEvents.Issued, EInvoiceEvents.Sent, EInvoiceEvents.StatusChanged], EventsOf(_receiver, 1));
        Assert.All(await app.DeliveriesAsync(endpoint.Id), d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
        Assert.Equal(16, _receiver.Received.Select(r => r.Headers["X-Webhook-Id"]).Distinct().Count()); // nothing claimed twice
        Assert.Equal(17, _receiver.Received.Count);
    }

    [Fact]
    public async Task ATicketsEventsArriveInTheOrderTheyHappenedWhileAnotherTicketFails()
    {
        var (client, http) = await app.NewClientAsync();
        await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, TicketEvent.All, WebhookEngineFactory.Secret);
        var first = await CreateTicketAsync(http, "Birinci");
        var second = await CreateTicketAsync(http, "İkinci");
        _receiver.Answer = r => TicketOf(r) == second ? (503, "bakımda", null) : (200, "ok", null);
        var agent = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AgentEmail).Select(u => u.Id).SingleAsync());
        var staff = await app.Get<StaffDirectory>().FindAsync(agent) ?? throw new InvalidOperationException("agent");
        var tickets = app.Get<TicketService>();
        foreach (var ticket in new[] { first, second })
        {
            await tickets.AssignAsync(ticket, agent, Actor.Staff(staff));
            await tickets.ReplyAsync(ticket, "Bakıyoruz.", Actor.Staff(staff));
            await tickets.ChangeStatusAsync(ticket, TicketStatus.Resolved, Actor.Staff(staff));
        }

        await app.DrainAsync();

        Assert.Equal(["ticket.created", "ticket.assigned", "comment.added", "ticket.status_changed"], TicketEvents(first));
        Assert.Equal(["ticket.created"], TicketEvents(second));

        _receiver.Answer = _ => (200, "ok", null);
        app.Clock.Advance(TimeSpan.FromSeconds(WebhookSubscription.DefaultRetryDelaySeconds));
        await app.DrainAsync();
        Assert.Equal(["ticket.created", "ticket.created", "ticket.assigned", "comment.added", "ticket.status_changed"], TicketEvents(second));
    }

    private string[] TicketEvents(int ticketId) => _receiver.Received.Where(r => TicketOf(r) == ticketId).Select(r => r.Event).ToArray();

    private static async Task<int> CreateTicketAsync(HttpClient http, string title) =>
        (await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title, description = "sıra testi" }))).GetProperty("id").GetInt32();

    private static int TicketOf(ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement.GetProperty("ticket_id").GetInt32();

    private static int InvoiceOf(ReceivedWebhook webhook) =>
        JsonDocument.Parse(webhook.Body).RootElement.GetProperty("data").GetProperty("einvoice").GetProperty("id").GetInt32();

    private static string[] EventsOf(WebhookReceiver receiver, int invoiceId) =>
        receiver.Received.Where(r => InvoiceOf(r) == invoiceId).Select(r => r.Event).ToArray();
}

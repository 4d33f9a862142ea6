using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.ExternalApi;

/// <summary>
/// Ticket webhooks: outbox rows from changes made anywhere, the external API's payloads, signatures the seed's
/// own verification accepts, retries, Retry-After, 410, redirects, redelivery and the test event.
/// The delivery job is off; each test sends the outbox itself.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class TicketWebhooks(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>, IAsyncLifetime
{
    private const string Secret = "whsec_test_secret_0123456789abcdef";
    private readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Switches off this test's webhooks, so their pending retries never reach the next test's count.</summary>
    public async Task DisposeAsync()
    {
        _receiver.Dispose();
        var admin = app.Get<WebhookAdmin>();
        var ids = await app.WithDbAsync(db => db.Set<WebhookSubscription>().Where(s => s.IsActive).Select(s => s.Id).ToListAsync());
        foreach (var id in ids)
        {
            await admin.SetActiveAsync(id, false);
        }
    }

    [Fact]
    public async Task ChangesMadeInTheDeskAndTheApiArriveSignedAndVerifiableWithTheSeedsFunction()
    {
        var (client, http) = await app.NewClientAsync("ERP Sistemi");
        await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, TicketEvent.All, Secret);
        var (_, otherHttp) = await app.NewClientAsync();

        var ticketId = (await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http,
            new { title = "ERP Fatura Modülü Hatası", description = "Fatura yazdırma işlemi sırasında sistem donuyor.", priority = "high", external_ref = "ERP-2026-001234" })))
            .GetProperty("id").GetInt32();
        await ExternalApiFactory.CreateTicketAsync(otherHttp, new { title = "Başka client", description = "d" });
        var agent = await StaffAsync(DemoSeeder.AgentEmail);
        var tickets = app.Get<TicketService>();
        await tickets.AssignAsync(ticketId, agent.UserId, Actor.Staff(agent));
        await tickets.ChangeStatusAsync(ticketId, TicketStatus.Resolved, Actor.Staff(agent));
        await tickets.ReplyAsync(ticketId, "Sorun çözüldü, test edebilirsiniz.", Actor.Staff(agent));
        await tickets.AddNoteAsync(ticketId, "İç not", Actor.Staff(agent));
        await http.PostAsJsonAsync($"/api/external/tickets/{ticketId}/comments", new { content = "Teşekkürler" });

        await DeliverAsync();

        var received = _receiver.Received.ToList();
        Assert.Equal(["ticket.created", "ticket.assigned", "ticket.status_changed", "comment.added", "comment.added"], received.Select(r => r.Event).ToArray());
        Assert.All(received, r => Assert.Equal(ticketId, JsonDocument.Parse(r.Body).RootElement.GetProperty("ticket_id").GetInt32()));

        var statusChanged = JsonDocument.Parse(received[2].Body).RootElement;
        Assert.Equal(["event", "timestamp", "ticket_id", "ticket", "changes"], statusChanged.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", statusChanged.GetProperty("timestamp").GetString());
        var ticket = statusChanged.GetProperty("ticket");
        Assert.Equal(["id", "title", "description", "status", "priority", "source", "external_ref", "department_id", "department_name", "assignee_id", "assignee_name", "created_at", "updated_at"],
            ticket.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("resolved", ticket.GetProperty("status").GetString());
        Assert.Equal(agent.UserId, ticket.GetProperty("assignee_id").GetInt32());
        Assert.Equal(agent.Name, ticket.GetProperty("assignee_name").GetString());
        Assert.Equal("""{"status":"resolved"}""", statusChanged.GetProperty("changes").GetRawText());

        var comment = JsonDocument.Parse(received[3].Body).RootElement.GetProperty("comment");
        Assert.Equal(["id", "content", "user_id", "created_at"], comment.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Sorun çözüldü, test edebilirsiniz.", comment.GetProperty("content").GetString());
        Assert.Equal(agent.UserId, comment.GetProperty("user_id").GetInt32());

        foreach (var webhook in received)
        {
            Assert.Equal("valid", await VerifyWithSeedAsync(webhook.Body, webhook.Headers["X-Webhook-Signature"], Secret));
            Assert.True(Guid.TryParse(webhook.Headers["X-Webhook-Id"], out _));
            var timestamp = webhook.Headers["X-Webhook-Timestamp"];
            Assert.Equal($"t={timestamp},v1={Hex(Encoding.UTF8.GetBytes(timestamp + "." + webhook.Text))}", webhook.Headers["X-Signature"]);
        }

        Assert.Equal("invalid", await VerifyWithSeedAsync(received[0].Body, received[0].Headers["X-Webhook-Signature"], Secret + "x"));
        var tampered = received[0].Body.ToArray();
        tampered[^2] = (byte)'0';
        Assert.Equal("invalid", await VerifyWithSeedAsync(tampered, received[0].Headers["X-Webhook-Signature"], Secret));
    }

    [Fact]
    public async Task OnlyTheSubscribedEventsAreWritten()
    {
        var (client, http) = await app.NewClientAsync();
        await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, [TicketEvent.Closed], Secret);
        var ticketId = (await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d" }))).GetProperty("id").GetInt32();
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        await app.Get<TicketService>().ChangeStatusAsync(ticketId, TicketStatus.Closed, Actor.Staff(admin));
        await DeliverAsync();
        Assert.Equal(["ticket.closed"], _receiver.Received.Select(r => r.Event).ToArray());
    }

    [Fact]
    public async Task AFailingReceiverGetsTheRetriesOnTheSubscriptionsScheduleThenTheFailureIsVisibleAndCanBeRedelivered()
    {
        _receiver.Answer = _ => (500, "sunucu hatası: boom", null);
        var (client, http) = await app.NewClientAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, [TicketEvent.Created], Secret, maxAttempts: 3, retryDelaySeconds: 60);
        await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d" });
        var dispatcher = app.Get<WebhookDispatcher>();

        Assert.Equal(1, await DeliverAsync());
        Assert.Equal(0, await DeliverAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await DeliverAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DeliverAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await DeliverAsync());
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await DeliverAsync());

        var delivery = Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(3, delivery.Attempts.Count);
        Assert.All(delivery.Attempts, a =>
        {
            Assert.Equal(500, a.StatusCode);
            Assert.Equal("sunucu hatası: boom", a.Response);
            Assert.InRange(a.DurationMs, 0, 10_000);
        });
        Assert.Equal(3, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r.Headers["X-Webhook-Id"]).Distinct());

        _receiver.Answer = _ => (200, "tamam", null);
        var result = await dispatcher.RedeliverAsync(delivery.Id);
        Assert.Equal(200, result!.StatusCode);
        delivery = Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(4, delivery.Attempts.Count);
        Assert.Equal("tamam", delivery.Attempts[^1].Response);
    }

    [Fact]
    public async Task RetryAfterFromA503DelaysTheNextAttemptAtLeastThatLong()
    {
        _receiver.Answer = _ => (503, "bakımda", new Dictionary<string, string> { ["Retry-After"] = "300" });
        var (client, http) = await app.NewClientAsync();
        await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, [TicketEvent.Created], Secret, maxAttempts: 3, retryDelaySeconds: 60);
        await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d" });
        Assert.Equal(1, await DeliverAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(0, await DeliverAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(180));
        Assert.Equal(1, await DeliverAsync());
    }

    [Fact]
    public async Task GoneDeactivatesTheSubscriptionAndSaysWhy()
    {
        _receiver.Answer = _ => (410, "gone", null);
        var (client, http) = await app.NewClientAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, TicketEvent.All, Secret);
        await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d" });
        Assert.Equal(1, await DeliverAsync());
        var subscription = Assert.Single(await app.Get<WebhookAdmin>().ListAsync(client.Id));
        Assert.False(subscription.IsActive);
        Assert.Contains("410", subscription.DeactivatedReason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Failed, (await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id)).Single().Status);

        await ExternalApiFactory.CreateTicketAsync(http, new { title = "t2", description = "d" });
        Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
    }

    [Fact]
    public async Task RedirectsAreNotFollowed()
    {
        _receiver.Answer = _ => (302, "", new Dictionary<string, string> { ["Location"] = "http://127.0.0.1:1/elsewhere" });
        var (client, _) = await app.NewClientAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, TicketEvent.All, Secret, maxAttempts: 1);
        var result = await app.Get<WebhookDispatcher>().SendTestAsync(webhook.Id);
        Assert.Equal(302, result.StatusCode);
        Assert.False(result.Succeeded);
        Assert.Contains("Yönlendirme", result.Error, StringComparison.Ordinal);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task TheTestEventIsSentAtOnceAndShowsTheReceiversAnswer()
    {
        _receiver.Answer = _ => (202, """{"received":true}""", null);
        var (client, _) = await app.NewClientAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, TicketEvent.All);
        var result = await app.Get<WebhookDispatcher>().SendTestAsync(webhook.Id);
        Assert.Equal(202, result.StatusCode);
        Assert.Equal("""{"received":true}""", result.Response);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("webhook.test", received.Event);
        Assert.Equal("valid", await VerifyWithSeedAsync(received.Body, received.Headers["X-Webhook-Signature"], webhook.Secret));
        var logged = Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
        Assert.Equal("webhook.test", logged.Event);
        Assert.Equal(202, Assert.Single(logged.Attempts).StatusCode);
    }

    [Fact]
    public async Task SecretsAreStoredEncryptedAndLongAnswersAreCutTo1KiB()
    {
        _receiver.Answer = _ => (500, new string('x', 5000), null);
        var (client, _) = await app.NewClientAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, TicketEvent.All, Secret);
        var stored = await app.WithDbAsync(db => db.Set<WebhookSubscription>().SingleAsync(s => s.Id == webhook.Id));
        Assert.DoesNotContain(Secret, stored.EncryptedSecret, StringComparison.Ordinal);
        var result = await app.Get<WebhookDispatcher>().SendTestAsync(webhook.Id);
        Assert.Equal(1024, result.Response!.Length);
    }

    /// <summary>Sends until nothing is due: one ticket's events go one round each, the next only after the one before it.</summary>
    private async Task<int> DeliverAsync()
    {
        var total = 0;
        int sent;
        while ((sent = await app.Get<WebhookDispatcher>().DeliverDueAsync()) > 0)
        {
            total += sent;
        }

        return total;
    }

    private async Task<StaffMember> StaffAsync(string email)
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (await app.Get<StaffDirectory>().FindAsync(id))!;
    }

    private static async Task<string> VerifyWithSeedAsync(byte[] body, string signature, string secret)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, body);
            return (await ExternalApiFactory.RunClientAsync("/usr/bin/python3", "verify_webhook.py", file, signature, secret)).Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Hex(byte[] payload) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), payload));
}

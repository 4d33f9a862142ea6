using Destek.Core.Access;
using Destek.Core.Data;
using Destek.Core.ExternalApi;
using Destek.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.ExternalApi;

/// <summary>The guarded changes of an API client and its webhooks after creation, and what a delete does to waiting deliveries.</summary>
[Trait("Category", "Integration")]
public sealed class ApiAccessRules(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>, IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("E")]
    public void ClientUpdateRefusesAnEmptyOrTooShortName(string name)
    {
        var (client, _) = ApiClient.Create("Kurallı ERP", [], 60, true, DateTime.UtcNow);
        var version = client.Version;
        var refused = Assert.Throws<ExternalApiAdminException>(() => client.Update(name, [], 60));
        Assert.Equal("API client adı 2-100 karakter olmalıdır.", refused.Message);
        Assert.Equal("Kurallı ERP", client.Name);
        Assert.Equal(version, client.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(ApiClient.MaxRateLimitPerMinute + 1)]
    public void ClientUpdateRefusesARateLimitOutOfRange(int limit)
    {
        var (client, _) = ApiClient.Create("Kurallı ERP", [], 60, true, DateTime.UtcNow);
        var refused = Assert.Throws<ExternalApiAdminException>(() => client.Update("Kurallı ERP", [], limit));
        Assert.Contains("Dakikalık istek limiti 1 ile", refused.Message, StringComparison.Ordinal);
        Assert.Equal(60, client.RateLimitPerMinute);
    }

    [Fact]
    public async Task ClientUpdateRefusesAnUnknownDepartmentAndSavesNothing()
    {
        var admin = app.Get<ApiClientAdmin>();
        var created = await admin.CreateAsync("Departman Kuralı", [], 60);
        var refused = await Assert.ThrowsAsync<ExternalApiAdminException>(() => admin.UpdateAsync(created.Id, "Yeni Ad", [424242], 90));
        Assert.Equal("Departman bulunamadı: 424242.", refused.Message);
        var stored = await admin.GetAsync(created.Id);
        Assert.Equal(("Departman Kuralı", 60), (stored!.Name, stored.RateLimitPerMinute));
        Assert.Empty(stored.AllowedDepartmentIds);
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    public async Task WebhookUpdateRefusesAPrivateAddressWhenPrivateNetworksAreClosed(string url)
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("SSRF Kuralı", []);
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, "https://erp.example.com/hook", ["ticket.created"]);
        var closed = new WebhookAdmin(app.Get<IDbContextFactory<DestekDbContext>>(), app.Get<WebhookSecrets>(), new WebhookUrlGuard(allowPrivateNetworks: false),
            app.Get<WebhookSubscriptionCache>(), app.Get<IWebhookGate>(), app.Clock);

        var refused = await Assert.ThrowsAsync<WebhookAdminException>(() => closed.UpdateAsync(webhook.Id, url, ["ticket.created"], 3, 60));
        Assert.Contains("yerel, özel veya link-local", refused.Message, StringComparison.Ordinal);
        Assert.Equal("https://erp.example.com/hook", (await app.Get<WebhookAdmin>().GetAsync(webhook.Id))!.Url);
    }

    [Fact]
    public async Task WebhookUpdateRefusesNoEventsAndOutOfRangeAttempts()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Olay Kuralı", []);
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, "https://erp.example.com/hook", ["ticket.created"]);
        var admin = app.Get<WebhookAdmin>();
        Assert.Equal("En az bir olay seçilmelidir.",
            (await Assert.ThrowsAsync<WebhookAdminException>(() => admin.UpdateAsync(webhook.Id, "https://erp.example.com/hook", [], 3, 60))).Message);
        Assert.Equal("Deneme sayısı 1 ile 20 arasında olmalıdır.",
            (await Assert.ThrowsAsync<WebhookAdminException>(() => admin.UpdateAsync(webhook.Id, "https://erp.example.com/hook", ["ticket.created"], 0, 60))).Message);
        Assert.Equal("Bekleme süresi 1 ile 86400 saniye arasında olmalıdır.",
            (await Assert.ThrowsAsync<WebhookAdminException>(() => admin.UpdateAsync(webhook.Id, "https://erp.example.com/hook", ["ticket.created"], 3, 0))).Message);
        Assert.Equal(3, (await admin.GetAsync(webhook.Id))!.MaxAttempts);
    }

    [Fact]
    public async Task DeletingAWebhookDropsItsWaitingDeliveriesSoNothingIsSentAndTicketsStillSave()
    {
        var (client, http) = await app.NewClientAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, ["ticket.created"]);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await ExternalApiFactory.CreateTicketAsync(http, new { title = "Silinecek", description = "d" })).StatusCode);
        Assert.Equal(1, (await app.Get<WebhookAdmin>().GetAsync(webhook.Id))!.PendingDeliveries);

        var deleted = await app.Get<WebhookAdmin>().DeleteAsync(webhook.Id);
        Assert.Equal(1, deleted.DroppedPendingDeliveries);
        await app.Get<WebhookDispatcher>().DeliverDueAsync();
        Assert.Empty(_receiver.Received);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<WebhookDelivery>().CountAsync(d => d.SubscriptionId == webhook.Id)));

        // The outbox no longer knows the webhook: the next ticket of this client saves and queues nothing.
        Assert.Equal(System.Net.HttpStatusCode.Created, (await ExternalApiFactory.CreateTicketAsync(http, new { title = "Sonraki", description = "d" })).StatusCode);
        Assert.Empty(await app.Get<WebhookAdmin>().ListAsync(client.Id));
    }

    [Fact]
    public async Task DeletingAWebhookWhileADeliveryIsBeingPostedIsRefusedUntilItIsRecorded()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("Gönderimde Silme", []);
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, ["ticket.created"]);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            db.Add(WebhookDelivery.Create(webhook.Id, "ticket.created", null, "{}", now));
            await db.SaveChangesAsync();
            return await db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == webhook.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, now.AddSeconds(30)));
        });

        var refused = await Assert.ThrowsAsync<WebhookAdminException>(() => app.Get<WebhookAdmin>().DeleteAsync(webhook.Id));
        Assert.Contains("şu anda gönderim yapılıyor", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await app.Get<WebhookAdmin>().GetAsync(webhook.Id));

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, (await app.Get<WebhookAdmin>().DeleteAsync(webhook.Id)).DroppedPendingDeliveries);
    }

    [Fact]
    public async Task TheLogCountsEveryAttemptAlsoAfterARedelivery()
    {
        _receiver.Answer = _ => (500, "hata", null);
        var (client, http) = await app.NewClientAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, ["ticket.created"], maxAttempts: 2, retryDelaySeconds: 10);
        await ExternalApiFactory.CreateTicketAsync(http, new { title = "Sayım", description = "d" });
        var dispatcher = app.Get<WebhookDispatcher>();
        await dispatcher.DeliverDueAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await dispatcher.DeliverDueAsync();

        var failed = Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal((2, 2), (failed.AttemptCount, failed.Attempts.Count));

        await dispatcher.RedeliverAsync(failed.Id);
        var again = Assert.Single(await app.Get<WebhookAdmin>().DeliveriesAsync(webhook.Id));
        Assert.Equal(3, again.Attempts.Count);
        Assert.Equal(3, again.AttemptCount);
        Assert.Equal(1, again.RoundAttempts);
        Assert.Equal(DeliveryStatus.Pending, again.Status);
    }
}

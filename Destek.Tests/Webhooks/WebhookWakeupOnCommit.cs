using Destek.Core.Data;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Webhooks;

/// <summary>The wake-up rings when outbox rows commit, never before; a rolled-back change does not ring.</summary>
public sealed class WebhookWakeupOnCommit(WebhookEngineFactory app) : IClassFixture<WebhookEngineFactory>
{
    [Fact]
    public async Task RingsAfterTheCommitThatWroteOutboxRowsAndNotBefore()
    {
        var org = WebhookEngineFactory.NewOrganizationId();
        await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, "http://127.0.0.1:9/hook", [EInvoiceEvents.Wildcard]);
        var wakeup = app.Get<WebhookWakeup>();
        while (wakeup.Ringing)
        {
            await wakeup.WaitAsync(CancellationToken.None); // rings left by earlier saves in this app
        }


        await using (var db = await app.Get<IDbContextFactory<DestekDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await app.Get<EInvoiceWebhooks>().EnqueueAsync(db, org, EInvoiceEvents.Created, "invoice:1", WebhookEngineFactory.InvoiceData(1, "draft"));
            await db.SaveChangesAsync();
            Assert.False(wakeup.Ringing); // saved but not committed: the pump would find nothing yet
            await transaction.CommitAsync();
            Assert.True(wakeup.Ringing);
        }

        Assert.True(await wakeup.WaitAsync(CancellationToken.None));
        Assert.False(wakeup.Ringing);

        await using (var db = await app.Get<IDbContextFactory<DestekDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await app.Get<EInvoiceWebhooks>().EnqueueAsync(db, org, EInvoiceEvents.Issued, "invoice:1", WebhookEngineFactory.InvoiceData(1, "issued"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.False(wakeup.Ringing);

        Assert.Equal(1, await app.RaiseAsync(org, EInvoiceEvents.Sent, 1)); // no explicit transaction: rings after the save
        Assert.True(wakeup.Ringing);
    }
}

/// <summary>
/// With the job's poll an hour apart, the first attempt still goes out as soon as the change commits:
/// the wake-up's pump sends it, not the poll.
/// </summary>
public sealed class WebhookWakeupDelivery(WebhookWakeupDelivery.PumpApp app) : IClassFixture<WebhookWakeupDelivery.PumpApp>, IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task TheFirstAttemptGoesOutWithoutWaitingForThePoll()
    {
        var arrived = new TaskCompletionSource<ReceivedWebhook>(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.Answer = r =>
        {
            arrived.TrySetResult(r);
            return (200, "ok", null);
        };
        var org = WebhookEngineFactory.NewOrganizationId();
        var webhook = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard], WebhookEngineFactory.Secret);

        await app.RaiseAsync(org, EInvoiceEvents.Issued, 77);

        // A generous bound for a loaded machine; the poll would not come for an hour.
        var received = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(EInvoiceEvents.Issued, received.Event);
        Assert.True(EInvoiceSignature.Verify(received, WebhookEngineFactory.Secret, app.Clock.GetUtcNow()));
        var delivery = Assert.Single(await app.DeliveriesAsync(webhook.Id));
        Assert.Equal(webhook.Id, delivery.SubscriptionId);
    }

    /// <summary>
    /// The delivery job on, but polling once an hour: its one sweep at start-up runs while the host
    /// starts, long before the test writes its event, so only the wake-up can send it in time.
    /// </summary>
    public sealed class PumpApp : WebhookEngineFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
        {
            ["Destek:Webhooks:DeliveryJobEnabled"] = "true",
            ["Destek:Webhooks:PollIntervalSeconds"] = "3600",
        };
    }
}

using System.Linq.Expressions;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Destek.Core.Webhooks;

/// <summary>
/// The one delivery engine for every kind. Each delivery is claimed with one conditional UPDATE before
/// it is sent, so the Quartz job, the wake-up on commit, an admin's "Yeniden gönder" and another node
/// never post the same row at the same time. Only the head of an (endpoint, aggregate) line may be
/// claimed: a pending earlier event of the same ticket or invoice for the same endpoint holds the
/// later ones back, in the query and again in the claim. The row's kind signs it and schedules its
/// retries. Every attempt is kept (time, status, duration, first 1 KiB of the answer).
/// </summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<DestekDbContext> dbFactory,
    WebhookSender sender,
    WebhookSecrets secrets,
    WebhookSubscriptionCache subscriptionCache,
    IWebhookGate gate,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    /// <summary>How long a delivery waits before the gate is asked again, when its owner's module is off.</summary>
    public static readonly TimeSpan GateRecheck = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ClaimLifetime = WebhookSender.Timeout * 3;
    private static readonly IWebhookRetrySchedule NoRetries = new LadderRetrySchedule();

    /// <summary>Sends every pending delivery that is due and heads its line; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Set<WebhookDelivery>().AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now)
                    && d.Subscription!.IsActive)
                .Where(HeadsItsLine(db))
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Select(d => d.Id).Take(batchSize)
                .ToListAsync(cancellationToken);
        }

        // Each id heads a different line, so sending them side by side cannot reorder one aggregate.
        var attempted = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                if (await DeliverAsync(id, ct) is not null)
                {
                    Interlocked.Increment(ref attempted);
                }
            });
        return attempted;
    }

    /// <summary>"Yeniden gönder": the delivery starts over (same body and id) and is sent now, unless an earlier event of its line is still pending.</summary>
    public async Task<WebhookSendResult?> RedeliverAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
                ?? throw new WebhookAdminException($"Gönderim bulunamadı: {deliveryId}");
            delivery.Redeliver(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await DeliverAsync(deliveryId, cancellationToken);
    }

    /// <summary>"Test Et": sends the kind's webhook.test body now and answers with what the receiver said. Kept in the log; never retried.</summary>
    public async Task<WebhookSendResult> SendTestAsync(int subscriptionId, CancellationToken cancellationToken = default)
    {
        long id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var subscription = await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken)
                ?? throw new WebhookAdminException($"Webhook bulunamadı: {subscriptionId}");
            if (!await gate.AllowsAsync(subscription.Kind, subscription.OrganizationId, cancellationToken))
            {
                throw new WebhookAdminException(WebhookAdmin.GateClosedMessage);
            }

            var now = clock.GetUtcNow();
            var webhookId = Guid.NewGuid();
            var delivery = WebhookDelivery.Create(subscriptionId, WebhookPayloads.TestEvent, null, null,
                subscription.Profile.TestPayload(subscription, webhookId, now), now.UtcDateTime, webhookId);
            db.Add(delivery);
            // Held from the insert on: the wake-up this commit rings must not hand the test to the pump (which would send it with the kind's retries).
            db.Entry(delivery).Property(d => d.LockedUntil).CurrentValue = now.UtcDateTime + ClaimLifetime;
            await db.SaveChangesAsync(cancellationToken);
            id = delivery.Id;
        }

        return await DeliverAsync(id, cancellationToken, isTest: true)
            ?? throw new InvalidOperationException("Test gönderimi başlatılamadı.");
    }

    /// <summary>No pending delivery of the same endpoint and aggregate was written before this one.</summary>
    private static Expression<Func<WebhookDelivery, bool>> HeadsItsLine(DestekDbContext db)
    {
        var all = db.Set<WebhookDelivery>();
        return d => d.AggregateKey == null || !all.Any(e => e.SubscriptionId == d.SubscriptionId && e.AggregateKey == d.AggregateKey
            && e.Status == DeliveryStatus.Pending && e.Id < d.Id);
    }

    private async Task<WebhookSendResult?> DeliverAsync(long deliveryId, CancellationToken cancellationToken, bool isTest = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A test row is inserted already held by its sender (SendTestAsync).
        var claimed = isTest ? 1 : await db.Set<WebhookDelivery>()
            // Due again in the claim: a sender that listed the row before another sent it and scheduled a retry must not send it early.
            .Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .Where(HeadsItsLine(db))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, now + ClaimLifetime), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var delivery = await db.Set<WebhookDelivery>().Include(d => d.Subscription).FirstAsync(d => d.Id == deliveryId, cancellationToken);
        var subscription = delivery.Subscription!;
        var profile = subscription.Profile;
        if (!await gate.AllowsAsync(subscription.Kind, subscription.OrganizationId, cancellationToken))
        {
            delivery.HoldBack(WebhookAdmin.GateClosedMessage, now + GateRecheck);
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }

        WebhookSendResult result;
        try
        {
            result = await sender.SendAsync(new Uri(subscription.Url), delivery.Event, delivery.WebhookId, delivery.Payload,
                secrets.Unprotect(subscription.EncryptedSecret), profile.Signing, cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            logger.LogError(ex, "Webhook {SubscriptionId} secret could not be decrypted", subscription.Id);
            result = new WebhookSendResult(null, 0, null, "Webhook secret'ı çözülemedi (Data Protection anahtarları değişmiş olabilir).", null);
        }

        var finishedAt = clock.GetUtcNow().UtcDateTime;
        delivery.RecordAttempt(result, isTest ? NoRetries : profile.Retries, subscription, finishedAt);
        if (result.StatusCode == 410 && !isTest)
        {
            subscription.Deactivate($"Alıcı {finishedAt:yyyy-MM-dd HH:mm} UTC'de 410 Gone döndü; webhook devre dışı bırakıldı.");
            subscriptionCache.Invalidate(subscription);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (!result.Succeeded)
        {
            logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt} failed: {Error}", delivery.Id, delivery.AttemptCount, result.Error);
        }

        return result;
    }
}

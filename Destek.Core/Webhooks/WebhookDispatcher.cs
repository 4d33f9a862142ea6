using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Destek.Core.Webhooks;

/// <summary>
/// Sends what the outbox holds. Each delivery is claimed with one conditional UPDATE before it is
/// sent, so the Quartz job, an admin's "Yeniden gönder" and another node never post the same row at
/// the same time. Every attempt is kept (time, status, duration, first 1 KiB of the answer).
/// </summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<DestekDbContext> dbFactory,
    WebhookSender sender,
    WebhookSecrets secrets,
    WebhookSubscriptionCache subscriptionCache,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    private static readonly TimeSpan ClaimLifetime = WebhookSender.Timeout * 3;

    /// <summary>Sends every pending delivery that is due; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Set<WebhookDelivery>().AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now)
                    && d.Subscription!.IsActive)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Select(d => d.Id).Take(batchSize)
                .ToListAsync(cancellationToken);
        }

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

    /// <summary>"Yeniden gönder": the delivery starts over (same body and id) and is sent now.</summary>
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

    /// <summary>"Test Et": sends a webhook.test body now and answers with what the receiver said. Kept in the log; never retried.</summary>
    public async Task<WebhookSendResult> SendTestAsync(int subscriptionId, CancellationToken cancellationToken = default)
    {
        long id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Set<WebhookSubscription>().AnyAsync(s => s.Id == subscriptionId, cancellationToken))
            {
                throw new WebhookAdminException($"Webhook bulunamadı: {subscriptionId}");
            }

            var now = clock.GetUtcNow();
            var delivery = WebhookDelivery.Create(subscriptionId, WebhookPayloads.TestEvent, null, WebhookPayloads.ForTest(subscriptionId, now), now.UtcDateTime);
            db.Add(delivery);
            await db.SaveChangesAsync(cancellationToken);
            id = delivery.Id;
        }

        return await DeliverAsync(id, cancellationToken, isTest: true)
            ?? throw new InvalidOperationException("Test gönderimi başlatılamadı.");
    }

    private async Task<WebhookSendResult?> DeliverAsync(long deliveryId, CancellationToken cancellationToken, bool isTest = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Set<WebhookDelivery>()
            .Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Pending && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, now + ClaimLifetime), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var delivery = await db.Set<WebhookDelivery>().Include(d => d.Subscription).FirstAsync(d => d.Id == deliveryId, cancellationToken);
        var subscription = delivery.Subscription!;
        WebhookSendResult result;
        try
        {
            result = await sender.SendAsync(new Uri(subscription.Url), delivery.Event, delivery.WebhookId, delivery.Payload,
                secrets.Unprotect(subscription.EncryptedSecret), cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            logger.LogError(ex, "Webhook {SubscriptionId} secret could not be decrypted", subscription.Id);
            result = new WebhookSendResult(null, 0, null, "Webhook secret'ı çözülemedi (Data Protection anahtarları değişmiş olabilir).", null);
        }

        var finishedAt = clock.GetUtcNow().UtcDateTime;
        delivery.RecordAttempt(result, isTest ? 1 : subscription.MaxAttempts, TimeSpan.FromSeconds(subscription.RetryDelaySeconds), finishedAt);
        if (result.StatusCode == 410 && !isTest)
        {
            subscription.Deactivate($"Alıcı {finishedAt:yyyy-MM-dd HH:mm} UTC'de 410 Gone döndü; webhook devre dışı bırakıldı.");
            subscriptionCache.Invalidate(subscription.ApiClientId);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (!result.Succeeded)
        {
            logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt} failed: {Error}", delivery.Id, delivery.AttemptCount, result.Error);
        }

        return result;
    }
}

using System.Linq.Expressions;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Destek.Core.Webhooks;

/// <summary>
/// The one delivery engine for every kind. Deliveries are claimed in the database before they are sent
/// (a batch of line heads in one conditional UPDATE that stamps them with a claim token), so the Quartz
/// job, the wake-up on commit, an admin's "Yeniden gönder" and another node never post the same row at
/// the same time; a batch is posted side by side and its outcomes are saved together. Only the head of an (endpoint, aggregate) line may be
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

    /// <summary>Line heads claimed at a time by the job's poll and the wake-up's pump.</summary>
    public const int DrainBatchSize = 100;

    /// <summary>Sends one batch of due line heads; returns how many were attempted (a delivery held back by the gate is not).</summary>
    public async Task<int> DeliverDueAsync(int batchSize = 100, CancellationToken cancellationToken = default) =>
        (await DeliverBatchAsync(batchSize, cancellationToken)).Attempted;

    /// <summary>Sends batch after batch until no due line head is left (the job's poll and the wake-up's pump); returns how many were attempted.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var attempted = 0;
        while (true)
        {
            var (claimed, sent) = await DeliverBatchAsync(DrainBatchSize, cancellationToken);
            attempted += sent;
            if (claimed == 0)
            {
                return attempted;
            }
        }
    }

    /// <summary>
    /// One claim UPDATE marks up to <paramref name="batchSize"/> line heads with a fresh token, one read
    /// loads them, they are posted side by side and every outcome is written in one save. Each claimed
    /// row heads a different line, so sending them together cannot reorder one ticket or invoice.
    /// </summary>
    private async Task<(int Claimed, int Attempted)> DeliverBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var heads = Due(db.Set<WebhookDelivery>(), now).Where(d => d.Subscription!.IsActive).Where(HeadsItsLine(db));
        if (await ClaimAsync(db, heads, token, now, batchSize, cancellationToken) == 0)
        {
            return (0, 0);
        }

        var batch = await db.Set<WebhookDelivery>().Include(d => d.Subscription)
            .Where(d => d.ClaimToken == token && d.Status == DeliveryStatus.Pending).OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var results = await SendAsync(db, batch, isTest: false, cancellationToken);
        return (batch.Count, results.Count(r => r is not null));
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

        return await DeliverOneAsync(deliveryId, cancellationToken);
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

        await using var sendDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        var test = await sendDb.Set<WebhookDelivery>().Include(d => d.Subscription).FirstAsync(d => d.Id == id, cancellationToken);
        return (await SendAsync(sendDb, [test], isTest: true, cancellationToken))[0]
            ?? throw new InvalidOperationException("Test gönderimi başlatılamadı.");
    }

    /// <summary>No pending delivery of the same endpoint and aggregate was written before this one.</summary>
    private static Expression<Func<WebhookDelivery, bool>> HeadsItsLine(DestekDbContext db)
    {
        var all = db.Set<WebhookDelivery>();
        return d => d.AggregateKey == null || !all.Any(e => e.SubscriptionId == d.SubscriptionId && e.AggregateKey == d.AggregateKey
            && e.Status == DeliveryStatus.Pending && e.Id < d.Id);
    }

    /// <summary>Pending, due, and held by no sender (or by one whose claim has lapsed).</summary>
    private static IQueryable<WebhookDelivery> Due(IQueryable<WebhookDelivery> rows, DateTime now) =>
        rows.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now));

    /// <summary>
    /// Marks up to <paramref name="take"/> of <paramref name="candidates"/> as held by <paramref name="token"/>,
    /// in one UPDATE. The outer conditions repeat "due and not held": PostgreSQL re-checks them on the
    /// newest row version after waiting for another claimer's row lock (the inner pick is read from the
    /// statement's snapshot and is not re-checked), so two claimers never hold the same row; SQLite runs the
    /// whole statement under its single writer lock. Due again in the claim: a sender that listed the
    /// row before another sent it and scheduled a retry must not send it early.
    /// </summary>
    private static Task<int> ClaimAsync(DestekDbContext db, IQueryable<WebhookDelivery> candidates, Guid token, DateTime now, int take,
        CancellationToken cancellationToken)
    {
        var picked = candidates.OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(take);
        return Due(db.Set<WebhookDelivery>(), now).Where(d => picked.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, now + ClaimLifetime).SetProperty(d => d.ClaimToken, token), cancellationToken);
    }

    /// <summary>Claims and sends one given delivery, if it is due and heads its line.</summary>
    private async Task<WebhookSendResult?> DeliverOneAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidate = Due(db.Set<WebhookDelivery>(), now).Where(d => d.Id == deliveryId).Where(HeadsItsLine(db));
        if (await ClaimAsync(db, candidate, token, now, 1, cancellationToken) == 0)
        {
            return null;
        }

        var delivery = await db.Set<WebhookDelivery>().Include(d => d.Subscription).FirstAsync(d => d.Id == deliveryId, cancellationToken);
        return (await SendAsync(db, [delivery], isTest: false, cancellationToken))[0];
    }

    /// <summary>
    /// Posts the claimed <paramref name="batch"/> (tracked by <paramref name="db"/>) side by side, then
    /// records every outcome and saves once. Entities are only touched after the sends, on this thread.
    /// Null for a delivery that was not attempted (its owner's gate is closed).
    /// </summary>
    private async Task<WebhookSendResult?[]> SendAsync(DestekDbContext db, IReadOnlyList<WebhookDelivery> batch, bool isTest, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new WebhookSendResult?[batch.Count];
        var open = new bool[batch.Count];
        var secretsBySubscription = new Dictionary<int, string?>();
        for (var i = 0; i < batch.Count; i++)
        {
            var subscription = batch[i].Subscription!;
            open[i] = await gate.AllowsAsync(subscription.Kind, subscription.OrganizationId, cancellationToken);
            if (open[i] && !secretsBySubscription.ContainsKey(subscription.Id))
            {
                secretsBySubscription[subscription.Id] = Unprotect(subscription);
            }
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count).Where(i => open[i]),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var delivery = batch[i];
                var subscription = delivery.Subscription!;
                results[i] = secretsBySubscription[subscription.Id] is { } secret
                    ? await sender.SendAsync(new Uri(subscription.Url), delivery.Event, delivery.WebhookId, delivery.Payload, secret,
                        subscription.Profile.Signing, ct)
                    : new WebhookSendResult(null, 0, null, "Webhook secret'ı çözülemedi (Data Protection anahtarları değişmiş olabilir).", null);
            });

        var finishedAt = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < batch.Count; i++)
        {
            var delivery = batch[i];
            var subscription = delivery.Subscription!;
            if (results[i] is not { } result)
            {
                delivery.HoldBack(WebhookAdmin.GateClosedMessage, now + GateRecheck);
                continue;
            }

            delivery.RecordAttempt(result, isTest ? NoRetries : subscription.Profile.Retries, subscription, finishedAt);
            if (result.StatusCode == 410 && !isTest && subscription.IsActive)
            {
                subscription.Deactivate($"Alıcı {finishedAt:yyyy-MM-dd HH:mm} UTC'de 410 Gone döndü; webhook devre dışı bırakıldı.");
                subscriptionCache.Invalidate(subscription);
            }

            if (!result.Succeeded)
            {
                logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt} failed: {Error}", delivery.Id, delivery.AttemptCount, result.Error);
            }
        }

        // The outcomes of the whole batch in one transaction: one write instead of one per delivery.
        await db.SaveChangesAsync(CancellationToken.None);
        return results;
    }

    private string? Unprotect(WebhookSubscription subscription)
    {
        try
        {
            return secrets.Unprotect(subscription.EncryptedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            logger.LogError(ex, "Webhook {SubscriptionId} secret could not be decrypted", subscription.Id);
            return null;
        }
    }
}

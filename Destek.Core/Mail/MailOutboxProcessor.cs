using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Destek.Core.Mail;

public sealed record MailCounts(int Pending, int Sent, int Failed);

/// <summary>
/// Sends due outbox mails and lets admins look at and retry them. Each mail is claimed with one
/// conditional UPDATE before it is sent (the webhook dispatcher's pattern), so the job, an admin
/// action and other nodes never send the same mail at once; a node that dies mid-send leaves a
/// lease that runs out. Each mail is sent and saved on its own, so one bad address or a dead server
/// delays only that mail; tickets are never touched.
/// </summary>
public sealed class MailOutboxProcessor(
    IDbContextFactory<DestekDbContext> dbFactory,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailOutboxProcessor> logger)
{
    /// <summary>Sends every pending mail whose attempt is due; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Set<OutboxMail>().AsNoTracking()
                .Where(m => m.Status == OutboxMailStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id).Take(Math.Max(1, settings.BatchSize)).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(id, settings, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Claims, sends and records one mail; false when another sender holds it or the send failed.</summary>
    private async Task<bool> SendOneAsync(int id, MailOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var lease = TimeSpan.FromSeconds(Math.Max(settings.LeaseSeconds, 2 * settings.Smtp.TimeoutSeconds));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The conditions are checked again inside the UPDATE: of two senders, only one changes the row.
        var claimed = await db.Set<OutboxMail>()
            .Where(m => m.Id == id && m.Status == OutboxMailStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + lease).SetProperty(m => m.ClaimToken, token), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var mail = await db.Set<OutboxMail>().FirstAsync(m => m.Id == id, cancellationToken);
        var sent = false;
        try
        {
            await transport.SendAsync(mail, cancellationToken);
            mail.MarkSent(clock.GetUtcNow().UtcDateTime);
            sent = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var backoff = Backoff(mail.Attempts + 1, settings.BackoffSeconds);
            mail.MarkAttemptFailed($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow().UtcDateTime, settings.MaxAttempts, backoff);
            logger.LogWarning(ex, "Mail {MailId} to {Address} failed (attempt {Attempt}); status {Status}", mail.Id, mail.ToAddress, mail.Attempts, mail.Status);
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out mid-send and another sender took the mail: its result stands.
            logger.LogWarning("Mail {MailId}: the claim expired before the result was saved; another sender holds it now", id);
            return false;
        }

        return sent;
    }

    /// <summary>30 s, 1 min, 2 min, … for attempt 1, 2, 3, …, at most an hour.</summary>
    public static TimeSpan Backoff(int attempt, int baseSeconds) =>
        TimeSpan.FromSeconds(Math.Min(3600, baseSeconds * Math.Pow(2, Math.Max(0, attempt - 1))));

    /// <summary>Puts a failed mail back in the queue for a fresh round of attempts. False when there is no such failed mail.</summary>
    public async Task<bool> RetryAsync(int mailId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mail = await db.Set<OutboxMail>().FirstOrDefaultAsync(m => m.Id == mailId && m.Status == OutboxMailStatus.Failed, cancellationToken);
        if (mail is null)
        {
            return false;
        }

        mail.Retry(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Page<OutboxMail>> ListAsync(OutboxMailStatus? status, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<OutboxMail>().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        return new Page<OutboxMail>(items, total);
    }

    public async Task<MailCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Set<OutboxMail>().AsNoTracking().GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(OutboxMailStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new MailCounts(Of(OutboxMailStatus.Pending), Of(OutboxMailStatus.Sent), Of(OutboxMailStatus.Failed));
    }
}

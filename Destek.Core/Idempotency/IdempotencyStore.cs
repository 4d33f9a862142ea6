using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Idempotency;

public enum IdempotencyOutcome
{
    /// <summary>First time: run the request, then Complete or Abandon.</summary>
    Started,
    /// <summary>Same request seen before: answer with the stored response.</summary>
    Replay,
    /// <summary>Same key, other method, path or body: 422.</summary>
    Mismatch,
    /// <summary>Same key while the first is still running: 409.</summary>
    InProgress,
}

public sealed record IdempotencyBegin(IdempotencyOutcome Outcome, IdempotencyRecord Record);

/// <summary>
/// Idempotency keys in the database (the API guidelines), so they hold across restarts and nodes. The unique
/// (scope, key) index decides which of two simultaneous first requests runs.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<IdempotencyBegin> BeginAsync(string scope, string key, string method, string path, string bodyHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<IdempotencyRecord>().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        if (existing is not null && existing.CreatedAt <= now - Lifetime)
        {
            db.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
            existing = null;
        }

        if (existing is null)
        {
            var record = new IdempotencyRecord(scope, key, method, path, bodyHash, now);
            db.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IdempotencyBegin(IdempotencyOutcome.Started, record);
            }
            catch (DbUpdateException)
            {
                // Another request with the same key won the insert a moment ago.
                db.ChangeTracker.Clear();
                existing = await db.Set<IdempotencyRecord>().AsNoTracking().FirstAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
            }
        }

        return OutcomeOf(existing, method, path, bodyHash);
    }

    /// <summary>
    /// What a live record with this key says about the request, read without writing (null: no live record).
    /// For writes that keep their key in their own transaction (<see cref="IdempotencyClaim"/>).
    /// </summary>
    public async Task<IdempotencyBegin?> FindAsync(string scope, string key, string method, string path, string bodyHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        return existing is null || existing.CreatedAt <= now - Lifetime ? null : OutcomeOf(existing, method, path, bodyHash);
    }

    private static IdempotencyBegin OutcomeOf(IdempotencyRecord existing, string method, string path, string bodyHash) =>
        !existing.Matches(method, path, bodyHash) ? new IdempotencyBegin(IdempotencyOutcome.Mismatch, existing)
        : new IdempotencyBegin(existing.StatusCode is null ? IdempotencyOutcome.InProgress : IdempotencyOutcome.Replay, existing);

    public async Task CompleteAsync(long id, int statusCode, string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Set<IdempotencyRecord>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is not null)
        {
            record.Complete(statusCode, contentType, body, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The first request failed in a way worth retrying (5xx, auth, rate limit): forget the key.</summary>
    public async Task AbandonAsync(long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<IdempotencyRecord>().Where(r => r.Id == id).ExecuteDeleteAsync();
    }

    /// <summary>Removes keys older than the lifetime; called by the cleanup job.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Lifetime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Hourly: forgets idempotency keys older than 24 hours.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class IdempotencyPurgeJob(IdempotencyStore store) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await store.PurgeExpiredAsync(cancellationToken);
}

using System.Data.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Destek.Core.Data;

/// <summary>
/// One writer at a time, queued in the process instead of inside SQLite. SQLite allows a single
/// writer; Microsoft.Data.Sqlite opens every transaction with BEGIN IMMEDIATE, so a second writer
/// waits in SQLite's busy handler, which polls with sleeps of 1, 2, 5, 10 … 100 ms. Under load
/// (the external API benchmark) that sleeping, not the work, set the pace. Waiting on an async
/// semaphore hands the lock over the moment it is free. The gate is held from BEGIN until
/// COMMIT/ROLLBACK (or until the connection is closed or disposed, should a transaction be dropped without either)
/// and is only used for SQLite; it mirrors the database's own lock, so it adds no new way to deadlock.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, bool> _holders = new();

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!_gate.Wait(Timeout))
        {
            throw new TimeoutException("Veritabanı yazma kilidi 30 saniyede alınamadı.");
        }

        _holders[eventData.ConnectionId] = true;
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!await _gate.WaitAsync(Timeout, cancellationToken))
        {
            throw new TimeoutException("Veritabanı yazma kilidi 30 saniyede alınamadı.");
        }

        _holders[eventData.ConnectionId] = true;
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed COMMIT/ROLLBACK still ends the transaction on SQLite; a failed BEGIN never held the lock.
        Release(eventData.ConnectionId);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    // A transaction disposed without COMMIT/ROLLBACK (a cancelled request) ends when its context
    // disposes the connection; EF reports that as disposing, not closing.
    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    private void Release(Guid connectionId)
    {
        if (_holders.TryRemove(connectionId, out _))
        {
            _gate.Release();
        }
    }
}

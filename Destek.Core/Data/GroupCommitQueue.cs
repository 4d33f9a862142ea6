using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Destek.Core.Data;

/// <summary>Thrown to a write that arrives after a group commit stopped taking work (the server is shutting down).</summary>
public class GroupCommitClosedException : InvalidOperationException
{
    public GroupCommitClosedException()
        : base("Sunucu kapanıyor; kayıt yapılmadı. Lütfen biraz sonra tekrar deneyin.")
    {
    }

    protected GroupCommitClosedException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Group commit for the creates that arrive in floods (tickets from the external API, invoices from the
/// invoice platform). SQLite has one writer, and one transaction per create made the write lock the limit.
/// Requests that arrive together are saved together: each is checked and built by its caller (rule errors
/// throw there, before queueing), then one loop saves what is waiting in one transaction. If a batch fails,
/// its items are saved again one by one (rebuilt by <see cref="Renew"/>), so one bad item fails only its
/// own request. The loop is a hosted service: on shutdown it stops taking work and saves everything already
/// queued before it ends, so every write a caller is waiting on is committed or fails, never dropped.
/// Without a running host (the admin command line) a write is saved on its own.
/// </summary>
public abstract class GroupCommitQueue<TWork, TResult>(ILogger logger) : BackgroundService
{
    private const int MaxBatch = 64;
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _state;

    /// <summary>Saves the batch in one transaction; one result per item, in order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> SaveAsync(IReadOnlyList<TWork> batch);

    /// <summary>The item to save again on its own after its batch failed (the failed save may have changed it).</summary>
    protected abstract TWork Renew(TWork work);

    /// <summary>
    /// Reads a batch needs before it is saved (outside the write lock). Runs while the previous batch is
    /// still being saved, so it costs the single writer nothing.
    /// </summary>
    protected virtual Task PrepareAsync(IReadOnlyList<TWork> batch) => Task.CompletedTask;

    protected virtual GroupCommitClosedException Closed() => new();

    /// <summary>Completes once the work is committed.</summary>
    protected Task<TResult> EnqueueAsync(TWork work)
    {
        if (Volatile.Read(ref _state) == NotStarted)
        {
            return SaveAloneAsync(work);
        }

        // Fails once StopAsync has closed the channel; anything written before that is drained.
        // The completion itself is handed out, so a drained write is complete when StopAsync returns.
        var pending = new Pending(work);
        return _queue.Writer.TryWrite(pending) ? pending.Completion.Task : Task.FromException<TResult>(Closed());
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _state, Running);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _state, Stopped);
        _queue.Writer.TryComplete();
        // Drained before the base class cancels the stopping token: the loop is started on the thread
        // pool with that token, so cancelling first could drop a loop that has not begun to run.
        if (ExecuteTask is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Two stages: while one batch is saved, the next one is taken and prepared.
        Task saving = Task.CompletedTask;
        // Not the stopping token: the loop ends when the closed channel is empty, not before.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var batch = new List<Pending>(MaxBatch);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            var prepared = await PrepareOrFailAsync(batch);
            await saving;
            saving = prepared ? CommitAsync(batch) : Task.CompletedTask;
        }

        await saving;
    }

    private async Task<bool> PrepareOrFailAsync(List<Pending> batch)
    {
        try
        {
            await PrepareAsync([.. batch.Select(p => p.Work)]);
            return true;
        }
        catch (Exception ex)
        {
            foreach (var item in batch)
            {
                item.Completion.TrySetException(ex);
            }

            return false;
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var results = await SaveAsync([.. batch.Select(p => p.Work)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogWarning(ex, "Saving {Count} items together failed; saving them one by one", batch.Count);
            foreach (var item in batch)
            {
                try
                {
                    var renewed = Renew(item.Work);
                    await PrepareAsync([renewed]);
                    item.Completion.TrySetResult((await SaveAsync([renewed]))[0]);
                }
                catch (Exception single)
                {
                    item.Completion.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    private async Task<TResult> SaveAloneAsync(TWork work)
    {
        await PrepareAsync([work]);
        return (await SaveAsync([work]))[0];
    }

    private sealed class Pending(TWork work)
    {
        public TWork Work { get; } = work;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

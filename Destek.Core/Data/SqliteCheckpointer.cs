using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Destek.Core.Data;

/// <summary>
/// Copies the write-ahead log back into the database file from a connection of its own, a few times a second.
/// SQLite otherwise checkpoints inside the commit that crosses the log's size limit, on the single writer:
/// under the external API's load that was a third of every commit (a thousand pages copied and synced while
/// every queued create waited). A passive checkpoint runs beside the writer and never blocks it; the writer's
/// own checkpoint (<see cref="SqlitePragmas"/> raises its limit) stays as the backstop, and then finds little
/// left to copy. Only for SQLite.
/// </summary>
public sealed partial class SqliteCheckpointer(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            if (!db.Database.IsSqlite())
            {
                return;
            }

            connectionString = db.Database.GetConnectionString()!;
        }

        await using var connection = new SqliteConnection(connectionString);
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            await connection.OpenAsync(stoppingToken);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await checkpoint.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException ex)
                {
                    // The writer's own checkpoint still bounds the log; try again on the next tick.
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background WAL checkpoint failed")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception ex);
}

using Destek.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.Persistence;

/// <summary>The write-ahead log is copied into the database file by <see cref="SqliteCheckpointer"/>, on its clock, not by the writer.</summary>
public sealed class SqliteCheckpointing : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "destek-tests", "checkpoint-" + Guid.NewGuid().ToString("N"));

    public SqliteCheckpointing() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task CopiesTheLogIntoTheDatabaseFileOnItsTick()
    {
        var path = Path.Combine(_directory, "destek.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        // A writer that never checkpoints itself and stays open (the last connection to close would checkpoint).
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Body TEXT NOT NULL);");
        await ExecuteAsync(writer, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO Notes (Body) SELECT printf('not %d %s', i, hex(randomblob(100))) FROM n;");
        var before = new FileInfo(path).Length;
        Assert.True(new FileInfo(path + "-wal").Length > 200_000, "the rows are in the log");

        var clock = new FakeTimeProvider();
        using var checkpointer = new SqliteCheckpointer(new Contexts(connectionString), clock, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        Assert.Equal(before, new FileInfo(path).Length);

        // Ticks until the file has the rows: the timer exists once the service has opened its connection.
        for (var tick = 0; tick < 200 && new FileInfo(path).Length == before; tick++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        await checkpointer.StopAsync(CancellationToken.None);
        Assert.True(new FileInfo(path).Length > before + 200_000, $"database file {new FileInfo(path).Length} bytes, {before} before the checkpoint");
        await using var reader = new SqliteConnection(connectionString + ";Mode=ReadOnly");
        await reader.OpenAsync();
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Notes";
        Assert.Equal(2000L, await count.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Contexts(string connectionString) : IDbContextFactory<DestekDbContext>
    {
        public DestekDbContext CreateDbContext() => new SqliteDestekDbContext(new DbContextOptionsBuilder<DestekDbContext>().UseSqlite(connectionString).Options);
    }
}

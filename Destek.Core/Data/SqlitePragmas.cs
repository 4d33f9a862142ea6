using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Destek.Core.Data;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the single writer; NORMAL sync is
/// durable across application crashes in WAL mode (only an OS crash can lose the last commits);
/// the busy timeout makes writers queue instead of failing under load; a memory-mapped file spares long index
/// reads the copy of every page (the panel's year-long figures at 1,000,000 tickets: 15–30% faster).
/// The log is checkpointed by <see cref="SqliteCheckpointer"/>; a committing writer's own checkpoint waits
/// for 8,000 pages (32 MB) and is only the backstop.
/// They are set once per physical connection: pooled connections keep them, and running them on
/// every logical open cost more than the queries of a small API request.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA mmap_size=1073741824; PRAGMA wal_autocheckpoint=8000;";
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await ApplyAsync(connection, cancellationToken);
        }
    }

    /// <summary>Also for a connection the app opens itself, outside EF (<see cref="PreparedTicketInsert"/>).</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time this physical SQLite connection (its native handle) is seen.</summary>
    private bool FirstOpen(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle })
        {
            return true;
        }

        lock (_configured)
        {
            if (_configured.TryGetValue(handle, out _))
            {
                return false;
            }

            _configured.Add(handle, handle);
            return true;
        }
    }
}

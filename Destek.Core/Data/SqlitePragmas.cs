using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Destek.Core.Data;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the single writer; NORMAL sync is
/// durable across application crashes in WAL mode (only an OS crash can lose the last commits);
/// the busy timeout makes writers queue instead of failing under load.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Destek.Core.Search;

/// <summary>
/// The folding functions the full-text triggers call, registered on every SQLite connection the app opens.
/// The folding used to be written in the triggers as SQL (dozens of nested replace() calls per column), and
/// SQLite compiles a trigger's program each time it prepares an INSERT on the table: under the external API's
/// load that compilation, in the single writer's critical path, cost a third of the create throughput, and
/// the sqlite3 command-line tool could not parse the schema at all (parser stack overflow). Same names and
/// meaning as the PostgreSQL functions: destek_fold(text, loose) and destek_phone(text).
/// A connection opened without them (another tool) can read everything but cannot write tickets or messages.
/// </summary>
public sealed class SqliteSearchFunctions : DbConnectionInterceptor
{
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction<string?, long, string?>("destek_fold", static (value, loose) => value is null ? null : TurkishFold.Fold(value, loose != 0), isDeterministic: true);
        connection.CreateFunction<string?, string>("destek_phone", static value => SearchTerms.NationalDigits(value), isDeterministic: true);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            Register(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}

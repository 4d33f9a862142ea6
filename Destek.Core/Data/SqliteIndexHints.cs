using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Destek.Core.Data;

/// <summary>
/// Tells SQLite which index a tagged query walks (<c>INDEXED BY</c>), where its planner picks a worse one. EF has no
/// syntax for it: a query tagged through <see cref="SqliteIndexHints.WalkIndex"/> gets the clause on its first
/// <c>FROM "Tickets" AS "t"</c>. PostgreSQL ignores the tag (a comment), its planner choosing well on its own.
/// Only for queries whose WHERE always lets SQLite use the index (a partial index's own condition included):
/// otherwise SQLite refuses the statement.
/// </summary>
public sealed class SqliteIndexHints : DbCommandInterceptor
{
    private const string Prefix = "-- walk-index:";

    /// <summary>Tags <paramref name="query"/> so SQLite walks <paramref name="index"/> for it.</summary>
    public static IQueryable<T> WalkIndex<T>(IQueryable<T> query, string index) => query.TagWith("walk-index:" + index);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Apply(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Apply(command);
        return ValueTask.FromResult(result);
    }

    public static string Rewrite(string sql)
    {
        if (!sql.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return sql;
        }

        var end = sql.IndexOf('\n', StringComparison.Ordinal);
        var index = sql[Prefix.Length..end].Trim();
        const string from = "FROM \"Tickets\" AS \"t\"";
        var at = sql.IndexOf(from, StringComparison.Ordinal);
        return at < 0 || index.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_'))
            ? sql
            : sql.Insert(at + from.Length, " INDEXED BY \"" + index + "\"");
    }

    private static void Apply(DbCommand command) => command.CommandText = Rewrite(command.CommandText);
}

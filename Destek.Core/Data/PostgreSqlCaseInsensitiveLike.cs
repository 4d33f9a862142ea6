using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Destek.Core.Data;

/// <summary>
/// The searches (desk queue, support form staff API) use EF.Functions.Like and count on SQLite's LIKE
/// ignoring case; PostgreSQL's LIKE does not, so there the operator runs as ILIKE. EF sends every
/// value as a parameter and quotes every identifier, so " LIKE " in its command text is the operator.
/// </summary>
public sealed class PostgreSqlCaseInsensitiveLike : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Rewrite(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Rewrite(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        return ValueTask.FromResult(result);
    }

    private static void Rewrite(DbCommand command)
    {
        if (command.CommandText.Contains(" LIKE ", StringComparison.Ordinal))
        {
            command.CommandText = command.CommandText.Replace(" LIKE ", " ILIKE ", StringComparison.Ordinal);
        }
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Destek.Core.Data;

/// <summary>
/// Hands out ticket numbers (default SUP-YYYY-NNNNNN). A counter row per scope is bumped with one
/// UPDATE … RETURNING inside the inserting transaction, so concurrent creators never read the same
/// value (the seed's MAX()+1 does). Runs the same on SQLite and PostgreSQL.
/// </summary>
public sealed class TicketNumberGenerator(IOptions<DestekOptions> options)
{
    public async Task<string> NextAsync(DestekDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var format = options.Value.Tickets;
        var scope = format.NumberPrefix.Replace("{yyyy}", now.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "TicketNumberCounters" ("Scope", "LastValue") VALUES (@scope, 0) ON CONFLICT ("Scope") DO NOTHING;
            UPDATE "TicketNumberCounters" SET "LastValue" = "LastValue" + 1 WHERE "Scope" = @scope RETURNING "LastValue";
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@scope";
        parameter.Value = scope;
        command.Parameters.Add(parameter);
        var value = Convert.ToInt64(await ExecuteScalarOfLastStatementAsync(command, cancellationToken), CultureInfo.InvariantCulture);
        return scope + value.ToString(new string('0', format.NumberDigits), CultureInfo.InvariantCulture);
    }

    private static async Task<object?> ExecuteScalarOfLastStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        object? value = null;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                value = reader.GetValue(0);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return value;
    }
}

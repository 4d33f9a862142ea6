using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Destek.Core.Data;

/// <summary>
/// Hands out ticket numbers (default SUP-YYYY-NNNNNN). A counter row per scope is bumped with one
/// UPDATE … RETURNING inside the inserting transaction, so concurrent creators never read the same
/// value (the seed's MAX()+1 does). A group commit takes its batch's numbers as one range per scope:
/// two statements per batch, not per ticket. Runs the same on SQLite and PostgreSQL.
/// </summary>
public sealed class TicketNumberGenerator(IOptions<DestekOptions> options)
{
    /// <summary>One number for each creation time, in order; the times of one year share one counter bump.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(DestekDbContext db, IReadOnlyList<DateTime> created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(created);
        var format = options.Value.Tickets;
        var digits = new string('0', format.NumberDigits);
        var numbers = new string[created.Count];
        foreach (var scope in Enumerable.Range(0, created.Count).GroupBy(i => ScopeOf(format.NumberPrefix, created[i])))
        {
            var indexes = scope.ToList();
            var last = await BumpAsync(db, scope.Key, indexes.Count, cancellationToken);
            var first = last - indexes.Count + 1;
            for (var k = 0; k < indexes.Count; k++)
            {
                numbers[indexes[k]] = scope.Key + (first + k).ToString(digits, CultureInfo.InvariantCulture);
            }
        }

        return numbers;
    }

    private static string ScopeOf(string prefix, DateTime now) =>
        prefix.Replace("{yyyy}", now.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static async Task<long> BumpAsync(DestekDbContext db, string scope, int count, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "TicketNumberCounters" ("Scope", "LastValue") VALUES (@scope, 0) ON CONFLICT ("Scope") DO NOTHING;
            UPDATE "TicketNumberCounters" SET "LastValue" = "LastValue" + @count WHERE "Scope" = @scope RETURNING "LastValue";
            """;
        var scopeParameter = command.CreateParameter();
        scopeParameter.ParameterName = "@scope";
        scopeParameter.Value = scope;
        command.Parameters.Add(scopeParameter);
        var countParameter = command.CreateParameter();
        countParameter.ParameterName = "@count";
        countParameter.Value = count;
        command.Parameters.Add(countParameter);
        return Convert.ToInt64(await ExecuteScalarOfLastStatementAsync(command, cancellationToken), CultureInfo.InvariantCulture);
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

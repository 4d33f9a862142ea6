using System.Globalization;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Destek.Core.Invoices;

/// <summary>
/// Hands out invoice numbers (default EA-YYYY-NNNNNN) from the same counter table as ticket numbers,
/// under the invoice prefix as its scope: one UPDATE … RETURNING inside the inserting transaction,
/// which holds the row (PostgreSQL) or the database's write lock (SQLite) until commit, so concurrent
/// writers, on one node or several, never share a number.
/// </summary>
public sealed class InvoiceNumberGenerator(IOptions<InvoiceOptions> options)
{
    public string ScopeFor(DateTime now, string? prefix = null) =>
        (prefix ?? options.Value.NumberPrefix).Replace("{yyyy}", now.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Must run inside the transaction that inserts the invoice, else a rollback leaves a gap and nothing holds the row.</summary>
    public Task<string> NextAsync(DestekDbContext db, DateTime now, CancellationToken cancellationToken) => NextAsync(db, now, null, cancellationToken);

    /// <summary>From the series of <paramref name="prefix"/> (e.g. the sandbox's own), else the configured one.</summary>
    public async Task<string> NextAsync(DestekDbContext db, DateTime now, string? prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Invoice numbers are taken inside the inserting transaction.");
        var scope = ScopeFor(now, prefix);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "TicketNumberCounters" ("Scope", "LastValue") VALUES (@scope, 0) ON CONFLICT ("Scope") DO NOTHING;
            UPDATE "TicketNumberCounters" SET "LastValue" = "LastValue" + 1 WHERE "Scope" = @scope RETURNING "LastValue";
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@scope";
        parameter.Value = scope;
        command.Parameters.Add(parameter);

        long? value = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    value = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return scope + (value ?? throw new InvalidOperationException("The number counter returned no value.")).ToString(new string('0', options.Value.NumberDigits), CultureInfo.InvariantCulture);
    }
}

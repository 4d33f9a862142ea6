using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Destek.Core.Data;

/// <summary>
/// SQLite databases made before the migrations were generated carry the hand-written ids
/// (20261122080000_Initial … 20261122120000_IdempotencyRecords) and already have the schema the
/// generated baseline creates, so the baseline is recorded as applied instead of run.
/// </summary>
public static class HandWrittenMigrations
{
    public const string Last = "20261122120000_IdempotencyRecords";
    public const string SqliteBaseline = "20261123141356_Baseline";

    private static readonly string[] Older = ["20261122080000_Initial", "20261122100000_MailOutbox", "20261122110000_ExternalApi"];

    public static async Task AdoptAsync(DestekDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (applied.Contains(SqliteBaseline))
        {
            return;
        }

        if (!applied.Contains(Last))
        {
            // A partial hand-written history would make the baseline fail half-way on existing tables.
            if (Older.Any(applied.Contains))
            {
                throw new InvalidOperationException($"Veritabanı eski bir sürümde kalmış: önce {Last} göçünü içeren sürümle açın.");
            }

            return;
        }

        var insert = db.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow(SqliteBaseline, ProductInfo.GetVersion()));
        await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
    }
}

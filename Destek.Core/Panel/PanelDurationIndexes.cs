namespace Destek.Core.Panel;

/// <summary>
/// SQLite indexes on the panel's durations, as expressions: a year of resolution times at 1,000,000 tickets spent
/// most of its time turning two timestamps into seconds per row (185 ms to read 700,000 durations; from the index,
/// 100 ms). SQLite reads an indexed expression from the index when the query writes it the same way, so the query
/// and the index take it from <see cref="Seconds"/>. Not in the EF model (it has no expression indexes); created by
/// the SQLite migration PanelDurationIndexes. PostgreSQL computes percentile_cont itself.
/// </summary>
public static class PanelDurationIndexes
{
    public const string Resolution = "IX_Tickets_ResolutionSeconds";

    public const string FirstResponse = "IX_Tickets_FirstResponseSeconds";

    /// <summary>The seconds from <paramref name="start"/> to <paramref name="end"/>, as SQLite SQL.</summary>
    public static string Seconds(string start, string end) => $"(julianday({end}) - julianday({start})) * 86400.0";

    public static string SqliteUp =>
        $"""
        CREATE INDEX IF NOT EXISTS "{Resolution}" ON "Tickets" ("ResolvedAt", "DepartmentId", ({Seconds("\"CreatedAt\"", "\"ResolvedAt\"")})) WHERE "ResolvedAt" IS NOT NULL;
        CREATE INDEX IF NOT EXISTS "{FirstResponse}" ON "Tickets" ("CreatedAt", "DepartmentId", ({Seconds("\"CreatedAt\"", "\"FirstRespondedAt\"")})) WHERE "FirstRespondedAt" IS NOT NULL;

        """;

    public const string SqliteDown = $"""
        DROP INDEX IF EXISTS "{Resolution}";
        DROP INDEX IF EXISTS "{FirstResponse}";

        """;
}

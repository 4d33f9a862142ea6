using System.Buffers;
using System.Data.Common;
using System.Globalization;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Destek.Core.Panel;

/// <summary>
/// What a figure is computed from: the viewer's tickets, the range, the clock, the provider, and where a figure that
/// reads a long range in parallel slices (SQLite durations) gets a context per slice.
/// </summary>
public sealed record PanelContext(DestekDbContext Db, IQueryable<Ticket> Tickets, string ScopeSql, PanelPeriod Period, DateTimeOffset Now, bool PostgreSql, bool AllDepartments,
    IDbContextFactory<DestekDbContext> Readers);

/// <summary>
/// The panel's figures, each computed from the database's indexes (counts in the database; percentiles by
/// percentile_cont on PostgreSQL, and on SQLite over the durations it reads from a covering index). A figure is one method in
/// <see cref="Figures"/>; the SLA and CSAT slots are in PanelQueries.Slots.cs.
/// </summary>
public sealed partial class PanelQueries(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock)
{
    private delegate Task<IReadOnlyList<PanelFigure>> Figure(PanelContext context, CancellationToken cancellationToken);

    /// <summary>The figures, in the order the panel shows them.</summary>
    private static readonly Figure[] Figures =
    [
        OpenAsync, UnassignedAsync, OverdueAsync, TodayAsync, ThisWeekAsync, RangeAsync,
        FirstResponseAsync, ResolutionAsync, SlaComplianceAsync, CsatAverageAsync,
    ];

    public async Task<PanelReport> ReportAsync(PanelScope scope, PanelPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = Context(db, scope, period);
        var figures = new List<PanelFigure>();
        foreach (var figure in Figures)
        {
            figures.AddRange(await figure(context, cancellationToken));
        }

        return new PanelReport(period, figures, await ByDepartmentAsync(context, cancellationToken),
            await ByAgentAsync(context, cancellationToken), await DailyAsync(context, cancellationToken));
    }

    /// <summary>One figure alone (the bench times them one by one).</summary>
    public async Task<IReadOnlyList<PanelFigure>> FigureAsync(PanelScope scope, PanelPeriod period, int index, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Figures[index](Context(db, scope, period), cancellationToken);
    }

    public static int FigureCount => Figures.Length;

    public async Task<IReadOnlyList<BacklogRow>> ByDepartmentAsync(PanelScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ByDepartmentAsync(Context(db, scope, PanelPeriod.TodayOf(clock.GetUtcNow())), cancellationToken);
    }

    public async Task<IReadOnlyList<BacklogRow>> ByAgentAsync(PanelScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ByAgentAsync(Context(db, scope, PanelPeriod.TodayOf(clock.GetUtcNow())), cancellationToken);
    }

    public async Task<IReadOnlyList<DayCount>> DailyAsync(PanelScope scope, PanelPeriod period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DailyAsync(Context(db, scope, period), cancellationToken);
    }

    private PanelContext Context(DestekDbContext db, PanelScope scope, PanelPeriod period)
    {
        var departments = Departments(scope);
        var tickets = db.Tickets.AsNoTracking();
        var scopeSql = "1 = 1";
        if (departments is not null)
        {
            tickets = tickets.Where(t => departments.Contains(t.DepartmentId));
            scopeSql = departments.Count == 0 ? "1 = 0"
                : "t.\"DepartmentId\" IN (" + string.Join(", ", departments.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
        }

        return new PanelContext(db, tickets, scopeSql, period, clock.GetUtcNow(), db.Database.IsNpgsql(), departments is null, dbFactory);
    }

    /// <summary>The departments the figures cover, or null for all: an agent sees only their own, even when they ask for another.</summary>
    private static List<int>? Departments(PanelScope scope)
    {
        if (scope.Viewer.IsAdmin)
        {
            return scope.DepartmentId is int chosen ? [chosen] : null;
        }

        var own = scope.Viewer.DepartmentIds.ToList();
        return scope.DepartmentId is int wanted ? own.Where(d => d == wanted).ToList() : own;
    }

    private static IQueryable<Ticket> Open(IQueryable<Ticket> tickets) =>
        tickets.Where(t => t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress);

    private static IReadOnlyList<PanelFigure> One(string key, string label, double? value, PanelUnit unit = PanelUnit.Count, string? note = null) =>
        [new PanelFigure(key, label, value, unit, note)];

    private static async Task<IReadOnlyList<PanelFigure>> OpenAsync(PanelContext c, CancellationToken ct) =>
        One("open", "Açık", await Open(c.Tickets).CountAsync(ct));

    private static async Task<IReadOnlyList<PanelFigure>> UnassignedAsync(PanelContext c, CancellationToken ct) =>
        One("unassigned", "Atanmamış", await Open(c.Tickets).CountAsync(t => t.AssigneeId == null, ct));

    private static async Task<IReadOnlyList<PanelFigure>> OverdueAsync(PanelContext c, CancellationToken ct) =>
        One("overdue", "Süresi geçmiş", await c.Tickets.CountAsync(OverdueRule(c.Now.UtcDateTime), ct), note: OverdueNote);

    private static async Task<IReadOnlyList<PanelFigure>> TodayAsync(PanelContext c, CancellationToken ct) =>
        await CreatedAndSolvedAsync(c, PanelPeriod.TodayOf(c.Now), "today", "bugün", ct);

    private static async Task<IReadOnlyList<PanelFigure>> ThisWeekAsync(PanelContext c, CancellationToken ct) =>
        await CreatedAndSolvedAsync(c, PanelPeriod.ThisWeek(c.Now), "week", "bu hafta", ct);

    private static async Task<IReadOnlyList<PanelFigure>> RangeAsync(PanelContext c, CancellationToken ct) =>
        await CreatedAndSolvedAsync(c, c.Period, "range", "seçilen aralıkta", ct);

    private static async Task<IReadOnlyList<PanelFigure>> CreatedAndSolvedAsync(PanelContext c, PanelPeriod period, string key, string when, CancellationToken ct)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        var created = await c.Tickets.CountAsync(t => t.CreatedAt >= from && t.CreatedAt < to, ct);
        var solved = await c.Tickets.CountAsync(t => t.ResolvedAt >= from && t.ResolvedAt < to, ct);
        return [new PanelFigure("created_" + key, "Oluşturulan (" + when + ")", created, PanelUnit.Count),
            new PanelFigure("solved_" + key, "Çözülen (" + when + ")", solved, PanelUnit.Count)];
    }

    private static async Task<IReadOnlyList<PanelFigure>> FirstResponseAsync(PanelContext c, CancellationToken ct)
    {
        var stats = await PanelSql.DurationsAsync(c, "t.\"CreatedAt\"", FirstResponseAtSql, "t.\"CreatedAt\"", PanelDurationIndexes.FirstResponse, ct);
        return [new PanelFigure("first_response_median", "İlk yanıt süresi (medyan)", stats.Median, PanelUnit.Duration, Count(stats)),
            new PanelFigure("first_response_p90", "İlk yanıt süresi (%90)", stats.P90, PanelUnit.Duration, Count(stats))];
    }

    private static async Task<IReadOnlyList<PanelFigure>> ResolutionAsync(PanelContext c, CancellationToken ct)
    {
        var stats = await PanelSql.DurationsAsync(c, "t.\"CreatedAt\"", "t.\"ResolvedAt\"", "t.\"ResolvedAt\"", PanelDurationIndexes.Resolution, ct);
        return [new PanelFigure("resolution_median", "Çözüm süresi (medyan)", stats.Median, PanelUnit.Duration, Count(stats)),
            new PanelFigure("resolution_p90", "Çözüm süresi (%90)", stats.P90, PanelUnit.Duration, Count(stats))];
    }

    private static string Count(DurationStats stats) => stats.Count.ToString("N0", CultureInfo.GetCultureInfo("tr-TR")) + " talep";

    private static async Task<IReadOnlyList<BacklogRow>> ByDepartmentAsync(PanelContext c, CancellationToken ct)
    {
        var counts = (await BacklogCellsAsync(c, ct)).GroupBy(x => x.DepartmentId)
            .Select(g => new { g.Key, Open = g.Sum(x => x.Open), Unassigned = g.Where(x => x.AssigneeId == null).Sum(x => x.Open) }).ToList();
        var ids = counts.Select(x => x.Key).ToList();
        var names = await c.Db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return counts.Select(x => new BacklogRow(x.Key, names.GetValueOrDefault(x.Key, "#" + x.Key.ToString(CultureInfo.InvariantCulture)), x.Open, x.Unassigned))
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("tr-TR"), false)).ToList();
    }

    private static async Task<IReadOnlyList<BacklogRow>> ByAgentAsync(PanelContext c, CancellationToken ct)
    {
        var counts = await Open(c.Tickets).GroupBy(t => t.AssigneeId).Select(g => new { g.Key, Open = g.Count() }).ToListAsync(ct);
        var ids = counts.Where(x => x.Key != null).Select(x => x.Key!.Value).ToList();
        var names = await c.Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return counts.Select(x => x.Key is int id
                ? new BacklogRow(id, names.GetValueOrDefault(id, "#" + id.ToString(CultureInfo.InvariantCulture)), x.Open, 0)
                : new BacklogRow(null, "Atanmamış", x.Open, x.Open))
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("tr-TR"), false)).ToList();
    }

    /// <summary>
    /// Open tickets counted per (assignee, department), which the department backlog adds up. Grouped by assignee first, the
    /// count runs over the (AssigneeId, Status, DepartmentId, …) index alone; grouped by department, SQLite read
    /// every open ticket's row (0.5 s at 1,000,000 tickets, against about 0.1 s).
    /// </summary>
    private static async Task<IReadOnlyList<BacklogCell>> BacklogCellsAsync(PanelContext c, CancellationToken ct) =>
        await Open(c.Tickets).GroupBy(t => new { t.AssigneeId, t.DepartmentId })
            .Select(g => new BacklogCell(g.Key.AssigneeId, g.Key.DepartmentId, g.Count())).ToListAsync(ct);

    private sealed record BacklogCell(int? AssigneeId, int DepartmentId, int Open);

    private static Task<IReadOnlyList<DayCount>> DailyAsync(PanelContext c, CancellationToken ct) => PanelSql.DailyAsync(c, ct);
}

/// <summary>The panel's raw SQL: percentiles and days, written once per provider.</summary>
internal static class PanelSql
{
    /// <param name="sqliteIndex">The SQLite expression index holding these durations: named, as the planner cannot tell from bound
    /// parameters that it beats the resolved-tickets index, which makes it compute the seconds per row (a year: 180 ms against 75).</param>
    public static async Task<DurationStats> DurationsAsync(PanelContext c, string start, string end, string rangeColumn, string sqliteIndex, CancellationToken ct)
    {
        var seconds = c.PostgreSql ? $"EXTRACT(EPOCH FROM ({end} - {start}))::double precision" : PanelDurationIndexes.Seconds(start, end);
        var indexedBy = c.PostgreSql ? "" : $" INDEXED BY \"{sqliteIndex}\"";
        var inRange = $"FROM \"Tickets\" t{indexedBy} WHERE {rangeColumn} >= @from AND {rangeColumn} < @to AND {end} IS NOT NULL";
        var durations = $"SELECT {seconds} AS s {inRange} AND {c.ScopeSql}";
        if (c.PostgreSql)
        {
            var rows = await ReadAsync(c, $"SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY s), percentile_cont(0.9) WITHIN GROUP (ORDER BY s) FROM ({durations}) d", ct);
            var n = Convert.ToInt32(rows[0][0], CultureInfo.InvariantCulture);
            return new DurationStats(n, rows[0][1] as double?, rows[0][2] as double?);
        }

        // The durations are read from their expression index (PanelDurationIndexes) and their order statistics selected
        // here: SQLite's sorter took four fifths of the time (a window over a year's 700,000 resolutions at 1,000,000
        // tickets: 0.9 s), and a row through the ADO.NET reader cost about as much as SQLite's own work for it.
        // Rented: a year's durations are megabytes, and a new array for each look grew the large object heap.
        var (values, count) = await ReadSqliteDurationsAsync(c, durations, aggregate => $"SELECT {aggregate}({rangeColumn}) {inRange}", ct);
        try
        {
            return count == 0 ? new DurationStats(0, null, null)
                : new DurationStats(count, Percentile.Cont(values.AsSpan(0, count), 0.5), Percentile.Cont(values.AsSpan(0, count), 0.9));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
        }
    }

    /// <summary>Days per parallel slice: a month is read on the figure's own connection.</summary>
    private const int DaysPerSlice = 60;

    /// <summary>
    /// A long range is read in slices on parallel connections, one per core (WAL readers do not wait for each other);
    /// each steps SQLite for its slice, and the slices are joined in one rented buffer.
    /// </summary>
    private static async Task<(double[] Values, int Count)> ReadSqliteDurationsAsync(PanelContext c, string sql, Func<string, string> boundSql, CancellationToken ct)
    {
        var (from, to) = (c.Period.FromUtc, c.Period.ToUtc);
        var slices = Math.Min(Environment.ProcessorCount, Math.Max(1, c.Period.Days / DaysPerSlice));
        if (slices == 1)
        {
            return await ReadSqliteDoublesAsync(c.Db, sql, from, to, ct);
        }

        // The slices split the time the rows actually span (two index seeks), so that a range that is mostly empty
        // (a year of which the desk has seen four months) still gives every core an equal share.
        if (await BoundAsync(c, boundSql("min"), ct) is not { } first || await BoundAsync(c, boundSql("max"), ct) is not { } last)
        {
            return (ArrayPool<double>.Shared.Rent(1), 0);
        }

        from = first;
        var step = (last.AddTicks(1) - first) / slices;
        // Task.Run: SQLite's reads are synchronous, so slices merely awaited would run one after another.
        var parts = await Task.WhenAll(Enumerable.Range(0, slices).Select(i => Task.Run(async () =>
        {
            await using var db = await c.Readers.CreateDbContextAsync(ct);
            return await ReadSqliteDoublesAsync(db, sql, from + (step * i), i == slices - 1 ? to : from + (step * (i + 1)), ct);
        }, ct)));
        var values = ArrayPool<double>.Shared.Rent(Math.Max(1, parts.Sum(p => p.Count)));
        var count = 0;
        foreach (var (part, partCount) in parts)
        {
            part.AsSpan(0, partCount).CopyTo(values.AsSpan(count));
            count += partCount;
            ArrayPool<double>.Shared.Return(part);
        }

        return (values, count);
    }

    private static async Task<DateTime?> BoundAsync(PanelContext c, string sql, CancellationToken ct)
    {
        var rows = await ReadAsync(c, sql, ct);
        return rows[0][0] is string text ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : null;
    }

    /// <summary>The first column of every row, stepped through SQLite's own API (the reader's per-row work left out).</summary>
    private static async Task<(double[] Values, int Count)> ReadSqliteDoublesAsync(DestekDbContext db, string sql, DateTime from, DateTime to, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var prepared = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        using (statement)
        {
            if (prepared != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), prepared);
            }

            var values = ArrayPool<double>.Shared.Rent(4096);
            var count = 0;
            Bind(statement, "@from", from);
            Bind(statement, "@to", to);
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (count == values.Length)
                {
                    var larger = ArrayPool<double>.Shared.Rent(values.Length * 2);
                    values.AsSpan().CopyTo(larger);
                    ArrayPool<double>.Shared.Return(values);
                    values = larger;
                }

                values[count++] = raw.sqlite3_column_double(statement, 0);
            }

            if (step != raw.SQLITE_DONE)
            {
                ArrayPool<double>.Shared.Return(values);
                throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), step);
            }

            return (values, count);
        }

        // As Microsoft.Data.Sqlite and EF write a DateTime, so the text compares with the stored values.
        static void Bind(sqlite3_stmt statement, string name, DateTime value) =>
            raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, name), value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    }

    public static async Task<IReadOnlyList<DayCount>> DailyAsync(PanelContext c, CancellationToken ct)
    {
        if (!c.PostgreSql)
        {
            return await SqliteDailyAsync(c, ct);
        }

        var minutes = ((int)c.Period.Offset.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        string Day(string column) => c.PostgreSql
            ? $"to_char(({column} AT TIME ZONE 'UTC') + interval '{minutes} minutes', 'YYYY-MM-DD')"
            : $"date({column}, '{(minutes.StartsWith('-') ? minutes : "+" + minutes)} minutes')";
        var sql = $"""
            SELECT d, sum(c), sum(s) FROM (
                SELECT {Day("t.\"CreatedAt\"")} AS d, 1 AS c, 0 AS s FROM "Tickets" t WHERE t."CreatedAt" >= @from AND t."CreatedAt" < @to AND {c.ScopeSql}
                UNION ALL
                SELECT {Day("t.\"ResolvedAt\"")}, 0, 1 FROM "Tickets" t WHERE t."ResolvedAt" >= @from AND t."ResolvedAt" < @to AND {c.ScopeSql}) x
            GROUP BY d ORDER BY d
            """;
        var rows = await ReadAsync(c, sql, ct);
        var byDay = rows.ToDictionary(r => DateOnly.ParseExact((string)r[0]!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r => (Created: Convert.ToInt32(r[1], CultureInfo.InvariantCulture), Solved: Convert.ToInt32(r[2], CultureInfo.InvariantCulture)));
        // Every day of the range, quiet ones too, so the chart's axis is even.
        return Enumerable.Range(0, c.Period.Days).Select(i => c.Period.First.AddDays(i))
            .Select(day => byDay.TryGetValue(day, out var v) ? new DayCount(day, v.Created, v.Solved) : new DayCount(day, 0, 0)).ToList();
    }

    /// <summary>
    /// Two counts per day, each a range on an index that holds the department too, so nothing is sorted and no row is
    /// read: grouping by the day computed from each ticket's time sorted every ticket of the range (0.9 s for a year at
    /// 1,000,000 tickets).
    /// </summary>
    private static async Task<IReadOnlyList<DayCount>> SqliteDailyAsync(PanelContext c, CancellationToken ct)
    {
        var days = Enumerable.Range(0, c.Period.Days).Select(i => c.Period.First.AddDays(i)).ToList();
        var bounds = string.Join(", ", days.Select((_, i) => $"({i}, @d{i}, @d{i + 1})"));
        var sql = $"""
            WITH b(i, lo, hi) AS (VALUES {bounds})
            SELECT i,
                (SELECT count(*) FROM "Tickets" t WHERE t."CreatedAt" >= b.lo AND t."CreatedAt" < b.hi AND {c.ScopeSql}),
                (SELECT count(*) FROM "Tickets" t WHERE t."ResolvedAt" >= b.lo AND t."ResolvedAt" < b.hi AND {c.ScopeSql})
            FROM b ORDER BY i
            """;
        await using var command = await CommandAsync(c, sql, ct);
        for (var i = 0; i <= days.Count; i++)
        {
            Add(command, "d" + i.ToString(CultureInfo.InvariantCulture), PanelPeriod.DayStartUtc(c.Period.First.AddDays(i)));
        }

        var counts = new List<DayCount>(days.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new DayCount(days[reader.GetInt32(0)], reader.GetInt32(1), reader.GetInt32(2)));
        }

        return counts;
    }

    private static async Task<DbCommand> CommandAsync(PanelContext c, string sql, CancellationToken ct)
    {
        var connection = c.Db.Database.GetDbConnection();
        await c.Db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "from", c.Period.FromUtc);
        Add(command, "to", c.Period.ToUtc);
        return command;
    }

    private static async Task<List<object?[]>> ReadAsync(PanelContext c, string sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(c, sql, ct);
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void Add(DbCommand command, string name, DateTime value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

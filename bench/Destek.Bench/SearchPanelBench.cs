using System.Diagnostics;
using System.Globalization;
using Destek.Core.Panel;
using Destek.Core.Search;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Bench;

/// <summary>
/// The full-text search and the panel at scale, run after the queue cases on the same database. The
/// fill leaves the search triggers off while it inserts (a bulk insert then indexes everything in one
/// statement per table), gives resolved tickets a resolution time and every fourth ticket a staff
/// answer, then puts the triggers back. The clock stands at the newest ticket, so "today" has tickets.
/// </summary>
public static class SearchPanelBench
{
    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The bench's "now": the instant of the newest of <paramref name="tickets"/> tickets.</summary>
    public static TimeProvider ClockAt(int tickets) => new FixedClock(new DateTimeOffset(Start.AddSeconds(tickets * 25L)));

    public static async Task BeforeFillAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Destek.Core.Search.SqliteSearchFunctions.Register(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = SearchSchemaSql.SqliteDropTriggers;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task AfterFillAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Destek.Core.Search.SqliteSearchFunctions.Register(connection);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandTimeout = 0;
        command.CommandText = """
            UPDATE Tickets SET ResolvedAt = datetime(CreatedAt, '+' || (Id % 71 + 1) || ' hours') WHERE Status IN (2, 3);
            INSERT INTO TicketMessages (PublicId, TicketId, Kind, AuthorKind, AuthorName, Body, CreatedAt)
            SELECT upper(hex(randomblob(16))), Id, 0, 0, 'Temsilci',
                   CASE WHEN Id % 100 = 0 THEN 'Şifrenizi sıfırladık; yeni şifre e-postanızda.'
                        ELSE 'Siparişiniz kargoya verildi, takip numarası TR' || Id || '.' END,
                   datetime(CreatedAt, '+' || (Id % 180 + 5) || ' minutes')
            FROM Tickets WHERE Id % 4 = 0;
            UPDATE Tickets SET FirstRespondedAt = datetime(CreatedAt, '+' || (Id % 180 + 5) || ' minutes') WHERE Id % 4 = 0;
            """ + SearchSchemaSql.SqliteBackfill + SearchSchemaSql.SqliteTriggers + "ANALYZE;";
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        Console.WriteLine($"resolution times, staff answers and the search index in {watch.Elapsed.TotalSeconds:F1} s");
    }

    public static async Task RunAsync(IServiceProvider services, StaffMember admin, StaffMember agent, int tickets, int runs)
    {
        var search = services.GetRequiredService<TicketSearch>();
        var number = "SUP-2026-" + (tickets / 3).ToString("D6", CultureInfo.InvariantCulture);
        var searches = new (string Name, StaffMember Viewer, string Text)[]
        {
            ("fts: rare word (yazıcı)", admin, "yazıcı"),
            ("fts: other case (YAZICI)", admin, "YAZICI"),
            ("fts: common word (sipariş)", admin, "sipariş"),
            ("fts: as you type (şif)", admin, "şif"),
            ("fts: message word (şifrenizi)", admin, "şifrenizi"),
            ("fts: two words", admin, "yazıcı çalışmıyor"),
            ("fts: number", admin, number),
            ("fts: e-mail", admin, $"musteri{tickets / 2}@ornek.com.tr"),
            ("fts: agent, common word", agent, "sipariş"),
        };
        Console.WriteLine();
        Console.WriteLine($"{"search (page of 25 + excerpts)",-34} {"median ms",10} {"max ms",8} {"rows",6} {"total",10}");
        foreach (var (name, viewer, text) in searches)
        {
            SearchPage? page = null;
            var times = await TimeAsync(runs, async () => page = await search.QueueAsync(viewer, new QueueFilter { View = QueueView.All, Search = text }, 0, 25));
            Console.WriteLine($"{name,-34} {times.Median,10:F1} {times.Max,8:F1} {page?.Page.Items.Count ?? 0,6} {(page is null ? "-" : page.Page.Total.ToString("N0", CultureInfo.InvariantCulture) + (page.Capped ? "+" : "")),10}");
        }

        var panel = services.GetRequiredService<PanelQueries>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var week = PanelPeriod.LastSevenDays(now);
        var month = new PanelPeriod(week.Last.AddDays(-29), week.Last);
        var year = new PanelPeriod(week.Last.AddDays(-364), week.Last);
        Console.WriteLine();
        Console.WriteLine($"{"panel figure",-44} {"median ms",10} {"max ms",8}  value");
        foreach (var (scopeName, scope) in new[] { ("admin", new PanelScope(admin)), ("agent", new PanelScope(agent)) })
        {
            foreach (var (periodName, period) in new[] { ("7 days", week), ("30 days", month), ("365 days", year) })
            {
                if (scopeName == "agent" && periodName != "30 days")
                {
                    continue;
                }

                for (var i = 0; i < PanelQueries.FigureCount; i++)
                {
                    IReadOnlyList<PanelFigure> figures = [];
                    var index = i;
                    var times = await TimeAsync(runs, async () => figures = await panel.FigureAsync(scope, period, index));
                    var label = $"{scopeName}, {periodName}: {string.Join(" + ", figures.Select(f => f.Key))}";
                    Console.WriteLine($"{label,-44} {times.Median,10:F1} {times.Max,8:F1}  {string.Join(" / ", figures.Select(f => f.Value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—"))}");
                }

                var daily = await TimeAsync(runs, () => panel.DailyAsync(scope, period));
                Console.WriteLine($"{$"{scopeName}, {periodName}: daily created/solved",-44} {daily.Median,10:F1} {daily.Max,8:F1}");
            }

            var departments = await TimeAsync(runs, () => panel.ByDepartmentAsync(scope));
            Console.WriteLine($"{scopeName + ": backlog by department",-44} {departments.Median,10:F1} {departments.Max,8:F1}");
            var agents = await TimeAsync(runs, () => panel.ByAgentAsync(scope));
            Console.WriteLine($"{scopeName + ": backlog by agent",-44} {agents.Median,10:F1} {agents.Max,8:F1}");
            var whole = await TimeAsync(runs, () => panel.ReportAsync(scope, week));
            Console.WriteLine($"{scopeName + ": whole panel (7 days, one load)",-44} {whole.Median,10:F1} {whole.Max,8:F1}");
        }
    }

    private static async Task<(double Median, double Max)> TimeAsync(int runs, Func<Task> work)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[^1]);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

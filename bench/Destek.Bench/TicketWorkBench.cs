using System.Diagnostics;
using Destek.Core.Data;
using Destek.Core.Satisfaction;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Bench;

/// <summary>
/// The ticket-work reads at the queue bench's scale: the rating on a ticket, the merge targets of a
/// requester, a ticket's merge/split links, and the CSAT average the panel will compute (ratings on
/// every 10th resolved or closed ticket).
/// </summary>
internal static class TicketWorkBench
{
    public static async Task RunAsync(IServiceProvider services, string databasePath, int tickets, int runs, StaffMember admin)
    {
        await using (var connection = new SqliteConnection($"Data Source={databasePath}"))
        {
            await connection.OpenAsync();
            Destek.Core.Search.SqliteSearchFunctions.Register(connection);
            await using var fill = connection.CreateCommand();
            fill.CommandText = """
                DELETE FROM TicketRatings;
                INSERT INTO TicketRatings (TicketId, Score, Comment, Channel, RatedAt)
                SELECT Id, 1 + ((Id / 10) % 5), NULL, 0, CreatedAt FROM Tickets WHERE Status IN (2, 3) AND Id % 10 = 0;
                ANALYZE;
                """;
            await fill.ExecuteNonQueryAsync();
        }

        var satisfaction = services.GetRequiredService<SatisfactionService>();
        var merges = services.GetRequiredService<TicketMergeQueries>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<DestekDbContext>>();
        var middle = tickets / 2 / 10 * 10;
        // A split-off ticket, so the links case resolves a real link.
        await using (var db = await services.GetRequiredService<IDbContextFactory<DestekDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Tickets SET SplitFromTicketId = {middle - 1} WHERE Id = {middle}");
        }

        var from = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddDays(30);
        var cases = new (string Name, Func<Task<object?>> Run)[]
        {
            ("ticket rating (desk)", async () => await satisfaction.ForTicketAsync(middle)),
            ("merge targets of the requester", async () => (await merges.MergeTargetsAsync(admin, middle)).Count),
            ("merge/split links of a ticket", async () => await merges.LinksAsync(admin, middle)),
            ("CSAT average, 30 days", async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                return await db.Set<TicketRating>().Where(r => r.RatedAt >= from && r.RatedAt < to)
                    .GroupBy(_ => 1).Select(g => new { Average = g.Average(r => (double)r.Score), Count = g.Count() }).FirstOrDefaultAsync();
            }),
        };

        foreach (var (name, run) in cases)
        {
            var times = new List<double>();
            object? result = null;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{name,-34} {times[times.Count / 2],10:F1} {times[^1],8:F1}   {result}");
        }
    }
}

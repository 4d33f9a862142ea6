using System.Net;
using System.Net.Http.Json;
using Destek.Core.Access;
using Destek.Core.Data;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Persistence;

/// <summary>
/// Fixtures/main-0a49f29.sqlite was made by main at 0a49f29 (the last hand-written migrations): its
/// demo data plus one API client "Fixture". Today's app must open it in place.
/// </summary>
public sealed class HandWrittenDatabaseUpgrade : IDisposable
{
    // Printed by that build's `api-clients create --name Fixture --departments 1`.
    private const string FixtureKey = "b830e95d7c04288b66b901b89ab41b9e55e1d6a4";
    private const string FixtureSecret = "bed15680aaf9e927a0cbeea80fc919b5d134fa285e73c525dd973c33dcd3b122";

    private readonly SqliteFixtureApp _app = new();

    [Fact]
    public async Task AppStartsOnItKeepingRowsAndSchemaEqualsTheModel()
    {
        using var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        var (tickets, messages, clients, applied) = await _app.WithDbAsync(async db => (
            await db.Tickets.CountAsync(),
            await db.TicketMessages.CountAsync(),
            await db.Set<ApiClient>().Select(c => c.Name).ToListAsync(),
            (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        Assert.Equal(40, tickets);
        Assert.Equal(59, messages);
        Assert.Equal(["Fixture"], clients);
        Assert.Contains(HandWrittenMigrations.Last, applied);
        Assert.Contains(HandWrittenMigrations.SqliteBaseline, applied);

        SqliteSchema.AssertSame(await SqliteSchema.OfModelAsync(_app.DataDirectory), await SqliteSchema.DescribeAsync(_app.DatabasePath));
    }

    [Fact]
    public async Task ItsApiClientStillCreatesTicketsWithNewNumbers()
    {
        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Add("X-API-Key", FixtureKey);
        http.DefaultRequestHeaders.Add("X-API-Secret", FixtureSecret);
        var response = await http.PostAsJsonAsync("/api/external/tickets", new { title = "Yükseltme sonrası", description = "Eski veritabanında yeni talep." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // The counter row came along, so the new number follows the fixture's forty.
        var numbers = await _app.WithDbAsync(db => db.Tickets.Select(t => t.Number).ToListAsync());
        Assert.Equal(41, numbers.Count);
        Assert.Equal(41, numbers.Distinct().Count());
    }

    public void Dispose() => _app.Dispose();

    private sealed class SqliteFixtureApp : DestekAppFactory
    {
        public SqliteFixtureApp() => File.Copy(FixturePath(), DatabasePath);

        public string DatabasePath => Path.Combine(DataDirectory, "destek.db");

        // The fixture is a SQLite file whichever provider the other integration tests use.
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Destek:DatabaseProvider"] = "Sqlite",
            ["Destek:ConnectionString"] = null,
        };

        private static string FixturePath()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "Destek.Tests", "Persistence", "Fixtures", "main-0a49f29.sqlite");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("Destek.Tests/Persistence/Fixtures/main-0a49f29.sqlite not found above " + AppContext.BaseDirectory);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Destek.Core;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Queue benchmark: fills a fresh SQLite database with N tickets (default 1,000,000) and times the
// desk's queue queries (first page of each view, a deep page, filters, search). Prints a table of
// median and worst milliseconds over the runs.
//   dotnet run -c Release --project bench/Destek.Bench -- [tickets] [runs]
// Webhook latency (WebhookBench.cs): dotnet run -c Release --project bench/Destek.Bench -- webhooks [events/s] [seconds]
//   dotnet run -c Release --project bench/Destek.Bench -- explain DB SQL   (the plan and time of SQL on the app's own SQLite build)
if (args is ["explain", var explainDb, var explainSql])
{
    await using var connection = new SqliteConnection($"Data Source={explainDb}");
    await connection.OpenAsync();
    Destek.Core.Search.SqliteSearchFunctions.Register(connection);
    await using var plan = connection.CreateCommand();
    plan.CommandText = "EXPLAIN QUERY PLAN " + explainSql;
    await using (var reader = await plan.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            Console.WriteLine(reader.GetString(3));
        }
    }

    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        await using var run = connection.CreateCommand();
        run.CommandText = explainSql;
        await using var rows = await run.ExecuteReaderAsync();
        var count = 0;
        while (await rows.ReadAsync())
        {
            count++;
        }

        Console.WriteLine($"{watch.Elapsed.TotalMilliseconds:F1} ms, {count} rows");
    }

    return;
}

if (args is ["webhooks", .. var webhookArgs])
{
    await WebhookBench.RunAsync(webhookArgs);
    return;
}

//   dotnet run -c Release --project bench/Destek.Bench -- customer [tickets] [owned] [runs]   (the customer API's reads)
if (args is ["customer", ..])
{
    // The customer API's list and detail: see CustomerListBench.
    await Destek.Bench.CustomerListBench.RunAsync(args[1..]);
    return;
}

//   dotnet run -c Release --project bench/Destek.Bench -- notifications [tickets] [runs]   (the live desk's reads)
if (args is ["notifications", .. var notificationArgs])
{
    await Destek.Bench.DeskNotificationBench.RunAsync(notificationArgs);
    return;
}

// Invoice PDFs instead: dotnet run -c Release --project bench/Destek.Bench -- pdf [renders]
if (args is ["pdf", .. var pdfArgs])
{
    await PdfBenchmark.RunAsync(pdfArgs);
    return;
}

var tickets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
// BENCH_REUSE=<data directory kept by an earlier run with BENCH_KEEP=1> skips the fill (several minutes at 1M).
var reuse = Environment.GetEnvironmentVariable("BENCH_REUSE");
var dataDirectory = reuse ?? Directory.CreateTempSubdirectory("destek-bench").FullName;

var builder = Host.CreateApplicationBuilder();
builder.Configuration["Destek:DataDirectory"] = dataDirectory;
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("BENCH_SQL") is null ? "Warning" : "Information";
builder.AddDestekCore();
builder.Services.AddSingleton(Destek.Bench.SearchPanelBench.ClockAt(tickets));
builder.Services.AddIdentityCore<Destek.Core.Identity.AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<int>>()
    .AddEntityFrameworkStores<DestekDbContext>();
using var host = builder.Build();
var services = host.Services;
await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
var fill = Stopwatch.StartNew();
if (reuse is null)
{
    await Destek.Bench.SearchPanelBench.BeforeFillAsync(Path.Combine(dataDirectory, "destek.db"));
    await FillAsync(Path.Combine(dataDirectory, "destek.db"), tickets);
    await Destek.Bench.SearchPanelBench.AfterFillAsync(Path.Combine(dataDirectory, "destek.db"));
}

var departments = await services.GetRequiredService<TicketQueries>().DepartmentsAsync();
// Agent #1 works in two of the five departments; 20 agents share 60% of the tickets.
var agent = new StaffMember(1, "Bench Agent", "bench@destek.local", false, [departments[0].Id, departments[1].Id]);
var admin = new StaffMember(2, "Bench Admin", "admin@destek.local", true, []);
Console.WriteLine($"filled {tickets:N0} tickets in {fill.Elapsed.TotalSeconds:F1} s ({dataDirectory})");

var queries = services.GetRequiredService<TicketQueries>();
var cases = new (string Name, StaffMember Viewer, QueueFilter Filter, int Skip)[]
{
    ("admin, all open, page 1", admin, new QueueFilter { View = QueueView.AllOpen }, 0),
    ("admin, all, page 1", admin, new QueueFilter { View = QueueView.All }, 0),
    ("admin, all, page 2000", admin, new QueueFilter { View = QueueView.All }, 50_000),
    ("agent, mine", agent, new QueueFilter { View = QueueView.Mine }, 0),
    ("agent, unassigned", agent, new QueueFilter { View = QueueView.Unassigned }, 0),
    ("admin, status=resolved, urgent", admin, new QueueFilter { View = QueueView.All, Status = TicketStatus.Resolved, Priority = TicketPriority.Urgent }, 0),
    ("admin, sort by priority", admin, new QueueFilter { View = QueueView.AllOpen, Sort = QueueSort.PriorityHighFirst }, 0),
    // SLA (issue 12): the SLA column sorted both ways, and the "SLA ihlali yakın" view as of the last ticket's creation.
    ("admin, all open, SLA soonest", admin, new QueueFilter { View = QueueView.AllOpen, Sort = QueueSort.SlaDueSoonest }, 0),
    ("admin, all open, SLA latest", admin, new QueueFilter { View = QueueView.AllOpen, Sort = QueueSort.SlaDueLatest }, 0),
    ("admin, all, SLA soonest, page 200", admin, new QueueFilter { View = QueueView.All, Sort = QueueSort.SlaDueSoonest }, 5_000),
    ("agent, mine, SLA soonest", agent, new QueueFilter { View = QueueView.Mine, Sort = QueueSort.SlaDueSoonest }, 0),
    ("agent, unassigned, SLA soonest", agent, new QueueFilter { View = QueueView.Unassigned, Sort = QueueSort.SlaDueSoonest }, 0),
    ("admin, SLA ihlali yakın", admin, new QueueFilter { View = QueueView.SlaNearBreach, Sort = QueueSort.SlaDueSoonest, SlaDueBefore = BenchNow(tickets) }, 0),
    ("agent, SLA ihlali yakın", agent, new QueueFilter { View = QueueView.SlaNearBreach, Sort = QueueSort.SlaDueSoonest, SlaDueBefore = BenchNow(tickets) }, 0),
};

Console.WriteLine($"{"query",-34} {"median ms",10} {"max ms",8} {"rows",6} {"total",10}");
foreach (var (name, viewer, filter, skip) in cases)
{
    var times = new List<double>();
    Page<TicketRow>? page = null;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        page = await queries.QueueAsync(viewer, filter, skip, 25);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{name,-34} {times[times.Count / 2],10:F1} {times[^1],8:F1} {page!.Items.Count,6} {page.Total,10:N0}");
}

await Destek.Bench.TicketWorkBench.RunAsync(services, Path.Combine(dataDirectory, "destek.db"), tickets, runs, admin);
await Destek.Bench.SearchPanelBench.RunAsync(services, admin, agent, tickets, runs);

SqliteConnection.ClearAllPools();
if (Environment.GetEnvironmentVariable("BENCH_KEEP") is null && reuse is null)
{
    Directory.Delete(dataDirectory, recursive: true);
}

// The bench's "now": two hours after the last ticket was created.
static DateTime BenchNow(int count) => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(count * 25.0).AddHours(2);

static async Task FillAsync(string path, int count)
{
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    Destek.Core.Search.SqliteSearchFunctions.Register(connection);
    await using var transaction = await connection.BeginTransactionAsync();
    await using (var setup = connection.CreateCommand())
    {
        setup.Transaction = (SqliteTransaction)transaction;
        setup.CommandText = string.Concat(Enumerable.Range(1, 4).Select(d => $"INSERT INTO Departments (Name, IsActive, IsDefault) VALUES ('Departman {d}', 1, 0);"))
            + string.Concat(Enumerable.Range(1, 20).Select(u =>
                $"INSERT INTO AspNetUsers (Id, PublicId, FullName, IsActive, CreatedAt, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ({u}, '{Guid.NewGuid()}', 'Temsilci {u}', 1, '2026-01-01 00:00:00', 1, 0, 0, 0, 0);"));
        await setup.ExecuteNonQueryAsync();
    }

    await using var command = connection.CreateCommand();
    command.Transaction = (SqliteTransaction)transaction;
    command.CommandText = """
        INSERT INTO Tickets (PublicId, Number, Title, Description, Status, Priority, Source, DepartmentId, AssigneeId, RequesterName,
            RequesterEmail, IsPrivate, CreatedAt, StaffSpokeLast, PublicMessageCount, AttachmentCount, SlaNextDueAt)
        VALUES ($id, $number, $title, $description, $status, $priority, 0, $department, $assignee, $name, $email, 0, $created, 0, 0, 0, $slaDue)
        """;
    string[] names = ["id", "number", "title", "description", "status", "priority", "department", "assignee", "name", "email", "created", "slaDue"];
    var parameters = names.ToDictionary(n => n, n => command.Parameters.Add(new SqliteParameter("$" + n, null)));
    var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    var random = new Random(42);
    var slaRandom = new Random(7); // its own sequence, so the other columns stay as before the SLA cases
    for (var i = 1; i <= count; i++)
    {
        parameters["id"].Value = Guid.NewGuid();
        parameters["number"].Value = "SUP-2026-" + i.ToString("D6", CultureInfo.InvariantCulture);
        parameters["title"].Value = i % 1000 == 0 ? "Yazıcı çalışmıyor" : "Sipariş durumu hakkında";
        parameters["description"].Value = "Merhaba, siparişim hakkında bilgi almak istiyorum.";
        parameters["status"].Value = random.Next(0, 10) switch { < 2 => 0, < 3 => 1, < 6 => 2, _ => 3 };
        parameters["priority"].Value = random.Next(0, 4);
        parameters["department"].Value = 1 + (i % 5);
        parameters["assignee"].Value = random.Next(0, 10) < 6 ? 1 + random.Next(0, 20) : DBNull.Value;
        parameters["name"].Value = "Müşteri " + i.ToString(CultureInfo.InvariantCulture);
        parameters["email"].Value = $"musteri{i}@ornek.com.tr";
        parameters["created"].Value = start.AddSeconds(i * 25).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        // Open tickets get an SLA due time 1 to 72 hours after creation (one in ten waits on the customer: no running clock).
        parameters["slaDue"].Value = (int)parameters["status"].Value! < 2 && slaRandom.Next(0, 10) > 0
            ? start.AddSeconds(i * 25).AddHours(1 + slaRandom.Next(0, 72)).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
            : "9999-12-31 00:00:00";
        await command.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
    await using var counter = connection.CreateCommand();
    counter.CommandText = $"INSERT INTO TicketNumberCounters (Scope, LastValue) VALUES ('SUP-2026-', {count}); ANALYZE;";
    await counter.ExecuteNonQueryAsync();
}

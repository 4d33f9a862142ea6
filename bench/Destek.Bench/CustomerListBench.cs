using System.Diagnostics;
using System.Globalization;
using Destek.Core;
using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Destek.Bench;

/// <summary>
/// The customer API's reads at scale: a fresh SQLite database with N tickets (default 1,000,000), of
/// which one customer owns C (default 10,000, one in every N/C, each with a staff answer, a customer
/// answer and an internal note), 1,000 other customers own 10% of the rest. Times the Core queries
/// behind GET /api/user/support/tickets and GET /api/user/support/tickets/{id} (one context per call,
/// as the endpoints do) and prints p50/p99/max over the runs.
///   dotnet run -c Release --project bench/Destek.Bench -- customer [tickets] [owned] [runs]
/// </summary>
public static class CustomerListBench
{
    private const int CustomerId = 100;
    private const int OtherCustomers = 1_000;

    public static async Task RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tickets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var owned = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        var dataDirectory = Directory.CreateTempSubdirectory("destek-customer-bench").FullName;

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Destek:DataDirectory"] = dataDirectory;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("BENCH_SQL") is null ? "Warning" : "Information";
        builder.AddDestekCore();
        builder.Services.AddIdentityCore<Destek.Core.Identity.AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<int>>()
            .AddEntityFrameworkStores<DestekDbContext>();
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var fill = Stopwatch.StartNew();
        var sample = await FillAsync(Path.Combine(dataDirectory, "destek.db"), tickets, owned);
        Console.WriteLine($"filled {tickets:N0} tickets ({owned:N0} of customer #{CustomerId}) in {fill.Elapsed.TotalSeconds:F1} s ({dataDirectory})");

        var queries = services.GetRequiredService<CustomerTicketQueries>();
        var customer = new CustomerAccount(CustomerId, Guid.NewGuid(), "Bench Müşteri", "bench-musteri@ornek.com.tr");
        var lastPage = (owned + 9) / 10;
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("list, page 1 (limit 10)", () => List(queries, new CustomerTicketFilter(), 1, 10)),
            ("list, page 1, limit 50", () => List(queries, new CustomerTicketFilter(), 1, 50)),
            ($"list, last page ({lastPage})", () => List(queries, new CustomerTicketFilter(), lastPage, 10)),
            ("list, status=cevaplandi", () => List(queries, new CustomerTicketFilter { Status = TicketLifecycle.CustomerAnswered }, 1, 10)),
            ("list, status=acik, page 100", () => List(queries, new CustomerTicketFilter { Status = TicketLifecycle.CustomerOpen }, 100, 10)),
            ("list, priority=acil, teknik_sorun", () => List(queries, new CustomerTicketFilter { Priority = TicketPriority.Urgent, CategorySlug = "teknik_sorun" }, 1, 10)),
            ("list, search subject", () => List(queries, new CustomerTicketFilter { Search = "yazıcı" }, 1, 10)),
            ("detail (4 messages, 1 note)", async () => (await queries.GetAsync(customer, sample))!.Messages.Count),
            ("messages only", async () => (await queries.MessagesAsync(customer, sample))!.Count),
        };

        Console.WriteLine($"{"query",-36} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"rows",6}");
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < Math.Min(20, runs); i++)
            {
                await run();
            }

            var times = new double[runs];
            var rows = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                rows = await run();
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine($"{name,-36} {Percentile(times, 0.50),8:F2} {Percentile(times, 0.99),8:F2} {times[^1],8:F2} {rows,6}");
        }

        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("BENCH_KEEP") is null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<int> List(CustomerTicketQueries queries, CustomerTicketFilter filter, int page, int limit) =>
        (await queries.ListAsync(CustomerId, filter, page, limit))!.Tickets.Count;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Returns the public id of one of the customer's tickets in the middle of their list.</summary>
    private static async Task<Guid> FillAsync(string path, int count, int owned)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Destek.Core.Search.SqliteSearchFunctions.Register(connection);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.Transaction = transaction;
            setup.CommandText = string.Concat(Enumerable.Range(1, 4).Select(d => $"INSERT INTO Departments (Name, IsActive, IsDefault) VALUES ('Departman {d}', 1, 0);"))
                + string.Concat(Enumerable.Range(1, 20).Select(u => User(u, $"Temsilci {u}", $"temsilci{u}@destek.local")))
                + string.Concat(Enumerable.Range(CustomerId, OtherCustomers + 1).Select(u => User(u, $"Müşteri {u}", $"musteri{u}@ornek.com.tr")));
            await setup.ExecuteNonQueryAsync();
        }

        var categories = new List<int>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id FROM Categories ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                categories.Add(reader.GetInt32(0));
            }
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Tickets (PublicId, Number, Title, Description, Status, Priority, Source, DepartmentId, AssigneeId, RequesterName,
                RequesterEmail, CustomerId, CategoryId, IsPrivate, CreatedAt, UpdatedAt, StaffSpokeLast, LastPublicMessageAt, PublicMessageCount, AttachmentCount)
            VALUES ($id, $number, $title, 'Merhaba, siparişim hakkında bilgi almak istiyorum.', $status, $priority, 0, $department, NULL, $name, $email,
                $customer, $category, 0, $created, $created, $staffLast, $lastReply, $replies, 0);
            SELECT last_insert_rowid();
            """;
        string[] names = ["id", "number", "title", "status", "priority", "department", "name", "email", "customer", "category", "created", "staffLast", "lastReply", "replies"];
        var p = names.ToDictionary(n => n, n => command.Parameters.Add(new SqliteParameter("$" + n, null)));
        await using var message = connection.CreateCommand();
        message.Transaction = transaction;
        message.CommandText = """
            INSERT INTO TicketMessages (PublicId, TicketId, Kind, AuthorKind, AuthorUserId, AuthorName, AuthorEmail, Body, CreatedAt)
            VALUES ($id, $ticket, $kind, $authorKind, $user, $name, $email, $body, $created)
            """;
        string[] messageNames = ["id", "ticket", "kind", "authorKind", "user", "name", "email", "body", "created"];
        var m = messageNames.ToDictionary(n => n, n => message.Parameters.Add(new SqliteParameter("$" + n, null)));

        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var random = new Random(42);
        var every = Math.Max(1, count / owned);
        var mine = 0;
        var sample = Guid.Empty;
        for (var i = 1; i <= count; i++)
        {
            var isMine = i % every == 0 && mine < owned;
            var customer = isMine ? CustomerId : random.Next(0, 10) == 0 ? CustomerId + 1 + random.Next(0, OtherCustomers) : (int?)null;
            var created = start.AddSeconds(i * 25);
            var publicId = Guid.NewGuid();
            var staffLast = isMine && random.Next(0, 3) == 0;
            p["id"].Value = publicId;
            p["number"].Value = "SUP-2026-" + i.ToString("D7", CultureInfo.InvariantCulture);
            p["title"].Value = i % 1000 == 0 || (isMine && mine % 50 == 0) ? "Yazıcı çalışmıyor" : "Sipariş durumu hakkında";
            p["status"].Value = random.Next(0, 10) switch { < 2 => 0, < 3 => 1, < 6 => 2, _ => 3 };
            p["priority"].Value = random.Next(0, 4);
            p["department"].Value = 1 + (i % 5);
            p["name"].Value = customer is int c ? $"Müşteri {c}" : "Ziyaretçi " + i.ToString(CultureInfo.InvariantCulture);
            p["email"].Value = customer is int e ? $"musteri{e}@ornek.com.tr" : $"ziyaretci{i}@ornek.com.tr";
            p["customer"].Value = customer is int id ? id : DBNull.Value;
            p["category"].Value = categories[random.Next(0, categories.Count)];
            p["created"].Value = Timestamp(created);
            p["staffLast"].Value = staffLast ? 1 : 0;
            p["lastReply"].Value = isMine ? Timestamp(created.AddMinutes(30)) : DBNull.Value;
            p["replies"].Value = isMine ? 3 : 0;
            var ticketId = (long)(await command.ExecuteScalarAsync())!;
            if (!isMine)
            {
                continue;
            }

            mine++;
            if (mine == owned / 2)
            {
                sample = publicId;
            }

            (int Kind, int Author, int User, string Body)[] thread =
            [
                (0, 0, 1, "Talebinizi aldık, inceliyoruz."),
                (1, 0, 1, "İç not: müşteriye söylenmeyecek."),
                (0, 1, CustomerId, "Teşekkürler, bekliyorum."),
                (0, 0, 2, "Sorun giderildi, kontrol eder misiniz?"),
            ];
            for (var k = 0; k < thread.Length; k++)
            {
                var (kind, author, user, body) = thread[k];
                m["id"].Value = Guid.NewGuid();
                m["ticket"].Value = ticketId;
                m["kind"].Value = kind;
                m["authorKind"].Value = author;
                m["user"].Value = user;
                m["name"].Value = author == 0 ? $"Temsilci {user}" : "Bench Müşteri";
                m["email"].Value = author == 0 ? $"temsilci{user}@destek.local" : "bench-musteri@ornek.com.tr";
                m["body"].Value = body;
                m["created"].Value = Timestamp(created.AddMinutes(5 * (k + 1)));
                await message.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
        return sample;
    }

    private static string User(int id, string name, string email) =>
        $"INSERT INTO AspNetUsers (Id, PublicId, FullName, Email, NormalizedEmail, IsActive, CreatedAt, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ({id}, '{Guid.NewGuid()}', '{name}', '{email}', '{email.ToUpperInvariant()}', 1, '2026-01-01 00:00:00', 1, 0, 0, 0, 0);";

    private static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}

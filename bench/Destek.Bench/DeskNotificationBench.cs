using System.Diagnostics;
using System.Globalization;
using Destek.Core;
using Destek.Core.Data;
using Destek.Core.Notifications;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Destek.Bench;

/// <summary>
/// The live desk's reads at scale: N tickets (default 1,000,000) and as many desk notifications over 20 agents (a tenth
/// unread), then the bell's unread count (uncached), the notification list's first 50, and the collision check at
/// send time (public replies after the last seen message). Prints median and worst ms.
///   dotnet run -c Release --project bench/Destek.Bench -- notifications [tickets] [runs]
/// </summary>
public static class DeskNotificationBench
{
    public static async Task RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tickets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var dataDirectory = Directory.CreateTempSubdirectory("destek-bench-notifications").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Destek:DataDirectory"] = dataDirectory;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddDestekCore();
        builder.Services.AddDeskNotifications();
        builder.Services.AddIdentityCore<Destek.Core.Identity.AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<int>>()
            .AddEntityFrameworkStores<DestekDbContext>();
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var fill = Stopwatch.StartNew();
        await FillAsync(Path.Combine(dataDirectory, "destek.db"), tickets);
        Console.WriteLine($"filled {tickets:N0} tickets, {tickets:N0} notifications and 5 messages on one ticket in {fill.Elapsed.TotalSeconds:F1} s");

        var notifications = services.GetRequiredService<DeskNotifications>();
        var queries = services.GetRequiredService<TicketQueries>();
        var agent = new StaffMember(1, "Temsilci 1", "t1@destek.local", false, [1, 2, 3, 4, 5]);
        var busyTicket = tickets / 2;
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("bell: unread count (uncached)", async () =>
            {
                notifications.Changed(agent.UserId);
                return await notifications.UnreadCountAsync(agent.UserId);
            }),
            ("list: newest 50 with tickets", async () => (await notifications.ListAsync(agent.UserId)).Count),
            ("collision: replies after seen", async () => (await queries.PublicRepliesAfterAsync(agent, busyTicket, 0)).Count),
        };

        Console.WriteLine($"{"query",-34} {"median ms",10} {"max ms",8} {"result",8}");
        foreach (var (name, run) in cases)
        {
            var times = new List<double>();
            var result = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{name,-34} {times[times.Count / 2],10:F1} {times[^1],8:F1} {result,8:N0}");
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task FillAsync(string path, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Destek.Core.Search.SqliteSearchFunctions.Register(connection);
        await using var command = connection.CreateCommand();
        var n = count.ToString(CultureInfo.InvariantCulture);
        var busy = (count / 2).ToString(CultureInfo.InvariantCulture);
        command.CommandText = string.Concat(Enumerable.Range(1, 4).Select(d => $"INSERT INTO Departments (Name, IsActive, IsDefault) VALUES ('Departman {d}', 1, 0);"))
            + string.Concat(Enumerable.Range(1, 20).Select(u =>
                $"INSERT INTO AspNetUsers (Id, PublicId, FullName, IsActive, CreatedAt, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ({u}, '{Guid.NewGuid()}', 'Temsilci {u}', 1, '2026-01-01 00:00:00', 1, 0, 0, 0, 0);"))
            + $"""
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n})
            INSERT INTO Tickets (PublicId, Number, Title, Description, Status, Priority, Source, DepartmentId, AssigneeId, RequesterName,
                RequesterEmail, IsPrivate, CreatedAt, StaffSpokeLast, PublicMessageCount, AttachmentCount)
            SELECT upper(hex(randomblob(16))), 'SUP-2026-' || printf('%07d', i), 'Sipariş durumu hakkında', 'Merhaba', i % 4, i % 4, 0, 1 + (i % 5),
                1 + (i % 20), 'Müşteri ' || i, 'musteri' || i || '@ornek.com.tr', 0, strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i * 25) || ' seconds'), 0, 0, 0
            FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n})
            INSERT INTO DeskNotifications (RecipientId, Kind, TicketId, ActorName, CreatedAt, ReadAt)
            SELECT 1 + (i % 20), CASE i % 3 WHEN 0 THEN 'assigned_to_me' WHEN 1 THEN 'customer_answered' ELSE 'sla_near' END, i, 'Temsilci 2',
                strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i * 25) || ' seconds'),
                CASE WHEN (i / 20) % 10 = 0 THEN NULL ELSE '2026-06-01 00:00:00' END
            FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)
            INSERT INTO TicketMessages (PublicId, TicketId, Kind, AuthorKind, AuthorUserId, AuthorName, Body, CreatedAt)
            SELECT upper(hex(randomblob(16))), {busy}, 0, 1, NULL, 'Müşteri', 'Ek bilgi ' || i, '2026-06-01 00:00:0' || i FROM n;
            COMMIT;
            ANALYZE;
            """;
        await command.ExecuteNonQueryAsync();
    }
}

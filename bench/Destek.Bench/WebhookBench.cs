using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Destek.Core;
using Destek.Core.Data;
using Destek.Core.ExternalApi;
using Destek.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Webhook latency benchmark: e-invoice events raised at a fixed rate (each in its own transaction,
/// spread over many invoices) against a local Kestrel receiver, with the delivery job and the
/// wake-up on commit running as in production. Prints event → first attempt p50/p95/p99/max, the
/// rates raised and delivered, and any event that arrived out of its invoice's order or twice.
///   dotnet run -c Release --project bench/Destek.Bench -- webhooks [events/s] [seconds] [invoices] [parallelism]
/// BENCH_PG=&lt;Npgsql connection string&gt; runs it on PostgreSQL instead of SQLite; BENCH_WARMUP=n events
/// (default 200) are raised and delivered first, unmeasured.
/// </summary>
internal static class WebhookBench
{
    public static async Task RunAsync(string[] args)
    {
        var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var invoices = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var parallelism = args.Length > 3 ? args[3] : "16";
        var total = rate * seconds;
        var raisedAt = new long[total];
        var arrivedAt = new long[total];
        var outOfOrder = 0;
        var duplicates = 0;
        var lastSeq = new ConcurrentDictionary<int, int>();
        var warmedUp = 0;

        await using var receiver = await StartReceiverAsync(body =>
        {
            var now = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(body);
            var einvoice = json.RootElement.GetProperty("data").GetProperty("einvoice");
            var seq = einvoice.GetProperty("seq").GetInt32();
            if (seq < 0)
            {
                Interlocked.Increment(ref warmedUp);
                return;
            }

            var invoice = einvoice.GetProperty("id").GetInt32();
            if (Interlocked.CompareExchange(ref arrivedAt[seq], now, 0) != 0)
            {
                Interlocked.Increment(ref duplicates);
            }

            var previous = lastSeq.AddOrUpdate(invoice, seq, (_, old) => Math.Max(old, seq));
            if (previous != seq)
            {
                Interlocked.Increment(ref outOfOrder);
            }
        });

        var dataDirectory = Directory.CreateTempSubdirectory("destek-webhook-bench").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Destek:DataDirectory"] = dataDirectory;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Destek:Webhooks:AllowPrivateNetworks"] = "true";
        builder.Configuration["Destek:Webhooks:Parallelism"] = parallelism;
        if (Environment.GetEnvironmentVariable("BENCH_PG") is { Length: > 0 } pg)
        {
            builder.Configuration["Destek:DatabaseProvider"] = "PostgreSQL";
            builder.Configuration["Destek:ConnectionString"] = pg;
        }

        builder.AddDestekCore();
        builder.Services.AddIdentityCore<Destek.Core.Identity.AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<int>>()
            .AddEntityFrameworkStores<DestekDbContext>();
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        builder.Services.AddExternalApiCore(builder.Configuration);
        builder.Services.AddSingleton<IWebhookGate, OpenWebhookGate>(); // the bench's organization 1 holds no module row
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await host.StartAsync();
        var services = host.Services;
        const int organization = 1;
        await services.GetRequiredService<WebhookAdmin>().CreateEInvoiceAsync(organization, receiver.Url, [EInvoiceEvents.Wildcard]);
        var dbFactory = services.GetRequiredService<IDbContextFactory<DestekDbContext>>();
        var door = services.GetRequiredService<EInvoiceWebhooks>();

        // Warm-up, not measured: a server that has run for a while has its queries compiled and its
        // connections open; without this the first seconds (JIT, EF query compilation) set the p99.
        var warmUp = Environment.GetEnvironmentVariable("BENCH_WARMUP") is { Length: > 0 } w ? int.Parse(w, CultureInfo.InvariantCulture) : 200;
        for (var i = 0; i < warmUp; i++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await door.EnqueueAsync(db, organization, EInvoiceEvents.StatusChanged, $"invoice:warm-{i % 50}",
                new { Einvoice = new { Id = -1 - (i % 50), Seq = -1, Status = "sent" }, User = new { Id = 1 } });
            await db.SaveChangesAsync();
        }

        var warmDeadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (Volatile.Read(ref warmedUp) < warmUp && Stopwatch.GetTimestamp() < warmDeadline)
        {
            await Task.Delay(50);
        }

        // Event i is due at start + i/rate. Each producer owns a set of invoices and raises their
        // events in order, as an invoice's changes serialize on its row in the real thing.
        var producers = Math.Max(1, Environment.ProcessorCount * 2);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(producer => Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                var invoice = i % invoices;
                if (invoice % producers != producer)
                {
                    continue;
                }

                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                raisedAt[i] = Stopwatch.GetTimestamp();
                await using var db = await dbFactory.CreateDbContextAsync();
                await door.EnqueueAsync(db, organization, EInvoiceEvents.StatusChanged, $"invoice:{invoice}",
                    new { Einvoice = new { Id = invoice, Seq = i, Status = "sent" }, User = new { Id = 1 } });
                await db.SaveChangesAsync();
            }
        })));
        var raisedIn = Stopwatch.GetElapsedTime(start);

        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (arrivedAt.Count(a => a != 0) < total && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }

        var deliveredIn = Stopwatch.GetElapsedTime(start, arrivedAt.Max());
        var latencies = Enumerable.Range(0, total).Where(i => arrivedAt[i] != 0)
            .Select(i => Stopwatch.GetElapsedTime(raisedAt[i], arrivedAt[i]).TotalMilliseconds).Order().ToArray();
        double At(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        var provider = Environment.GetEnvironmentVariable("BENCH_PG") is { Length: > 0 } ? "PostgreSQL" : "SQLite";
        Console.WriteLine($"webhooks on {provider}: {total:N0} events over {invoices} invoices, parallelism {parallelism}, {producers} producers, {warmUp} warm-up events; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"raised    {total / raisedIn.TotalSeconds,8:F0} events/s (target {rate})");
        Console.WriteLine($"delivered {latencies.Length / deliveredIn.TotalSeconds,8:F0} events/s ({latencies.Length:N0} of {total:N0})");
        Console.WriteLine($"event -> first attempt ms: p50 {At(0.50):F1}  p95 {At(0.95):F1}  p99 {At(0.99):F1}  max {At(1):F1}");
        Console.WriteLine($"out of order: {outOfOrder}, sent twice: {duplicates}");
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("BENCH_KEEP") is null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<Receiver> StartReceiverAsync(Action<byte[]> onBody)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            onBody(buffer.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Urls.First();
        return new Receiver(app, address + "/hook");
    }

    private sealed record Receiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using Destek.Core;
using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// Invoice PDF benchmark: renders a single-page invoice (8 lines) and a multi-page one (120 lines)
/// over and over in one thread and prints milliseconds per PDF (median, p95, mean, CPU) and PDFs/s;
/// first it times the demo invoices (seeding, then the background PDF pass).
///   dotnet run -c Release --project bench/Destek.Bench -- pdf [renders]
/// BENCH_PDF_OUT=dir also writes the two PDFs there.
/// </summary>
internal static class PdfBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var renders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var dataDirectory = Directory.CreateTempSubdirectory("destek-pdf-bench").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration["Destek:DataDirectory"] = dataDirectory;
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.AddDestekCore();
            builder.Services.AddIdentityCore<Destek.Core.Identity.AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<int>>()
                .AddEntityFrameworkStores<DestekDbContext>();
            using var host = builder.Build();
            var services = host.Services;
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

            // What the first run's demo data costs: the invoices at start-up, their PDFs in the background.
            var seed = Stopwatch.StartNew();
            await services.GetRequiredService<InvoiceDemoSeeder>().SeedAsync();
            var seeded = seed.Elapsed;
            seed.Restart();
            var written = await services.GetRequiredService<InvoicePdfBackfill>().RunAsync(CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo invoices: seeded in {seeded.TotalMilliseconds:F0} ms; {written} PDFs in {seed.Elapsed.TotalMilliseconds:F0} ms"));

            var single = await IssuedInvoiceAsync(services, 8);
            var multi = await IssuedInvoiceAsync(services, 120);
            var renderer = services.GetRequiredService<InvoicePdfRenderer>();
            if (Environment.GetEnvironmentVariable("BENCH_PDF_OUT") is { Length: > 0 } output)
            {
                // To look at what is measured.
                Directory.CreateDirectory(output);
                await File.WriteAllBytesAsync(Path.Combine(output, "single.pdf"), renderer.Render(single, single.CustomerOrganization!));
                await File.WriteAllBytesAsync(Path.Combine(output, "multi.pdf"), renderer.Render(multi, multi.CustomerOrganization!));
            }

            // Wall times suffer on a shared, loaded machine; CPU ms (this process's CPU time per PDF) does less.
            Console.WriteLine($"{"invoice",-24} {"renders",8} {"median ms",10} {"p95 ms",8} {"mean ms",8} {"CPU ms",7} {"PDF/s",7} {"KiB",6}");
            Measure("single page (8 lines)", renderer, single, renders);
            Measure("3 pages (120 lines)", renderer, multi, Math.Max(1, renders / 5));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static void Measure(string name, InvoicePdfRenderer renderer, Invoice invoice, int renders)
    {
        var seller = invoice.CustomerOrganization!;
        var size = 0;
        for (var i = 0; i < 200; i++)
        {
            size = renderer.Render(invoice, seller).Length; // warm-up: JIT, font tables
        }

        var times = new double[renders];
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < renders; i++)
        {
            var one = Stopwatch.GetTimestamp();
            renderer.Render(invoice, seller);
            times[i] = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
        }

        total.Stop();
        process.Refresh();
        var cpuPerPdf = (process.TotalProcessorTime - cpu).TotalMilliseconds / renders;
        Array.Sort(times);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-24} {renders,8} {times[renders / 2],10:F2} {times[(int)(renders * 0.95)],8:F2} {times.Average(),8:F2} {cpuPerPdf,7:F2} {renders / total.Elapsed.TotalSeconds,7:F0} {size / 1024.0,6:F1}"));
    }

    private static async Task<Invoice> IssuedInvoiceAsync(IServiceProvider services, int lines)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DestekDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        int organizationId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var organization = await db.CustomerOrganizations.FirstOrDefaultAsync()
                ?? db.CustomerOrganizations.Add(CustomerOrganization.Create("Çınar Elektronik Ltd. Şti.", "9876543217", clock.GetUtcNow().UtcDateTime)).Entity;
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        }

        var items = Enumerable.Range(1, lines)
            .Select(i => new NewInvoiceItem($"SKU-{i:D4}", $"Ürün {i}: ışıklı göğüs çantası, şık ve özenli", i % 3 + 1, 149.90m + i, i % 2 == 0 ? 20m : 10m, i % 4 == 0 ? 5m : 0m))
            .ToList();
        var service = services.GetRequiredService<InvoiceService>();
        var draft = await service.CreateAsync(new NewInvoice(
            organizationId, InvoiceType.Sale, Marketplace.Trendyol, "TY-ORDER-001", "Gülşen Öztürk", "gulsen@ornek.com.tr", "+905320000000", "10000000146", items));
        var issued = await service.IssueAsync(draft.Id);
        return issued ?? throw new InvalidOperationException("The invoice vanished.");
    }
}

using Destek.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Infrastructure;

/// <summary>
/// The real app in its own temporary data directory, with the demo data, on a real SQLite file or,
/// when DESTEK_TEST_PROVIDER=PostgreSQL, on a fresh database of the server DESTEK_TEST_PG names
/// (created by the app's migrations, dropped on dispose).
/// Call <see cref="StartKestrel"/> for browser and out-of-process clients (a real port on loopback).
/// </summary>
public class DestekAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Destek.Test.2026!";

    public DestekAppFactory()
    {
        var id = Guid.NewGuid().ToString("N");
        DataDirectory = Path.Combine(Path.GetTempPath(), "destek-tests", id);
        Directory.CreateDirectory(DataDirectory);
        if (TestDatabase.UsesPostgreSql)
        {
            PostgreSqlConnectionString = TestDatabase.CreatePostgreSql("destek_test_" + id);
        }
    }

    public string DataDirectory { get; }

    /// <summary>This factory's own PostgreSQL database, or null on SQLite.</summary>
    public string? PostgreSqlConnectionString { get; }

    /// <summary>Extra configuration a test class needs (keys under "Destek:...").</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Destek:DataDirectory"] = DataDirectory,
            ["Destek:Demo:Seed"] = "true",
            ["Destek:Demo:Password"] = Password,
            ["Destek:Webhooks:AllowPrivateNetworks"] = "true",
            // A few dozen demo invoices are enough for every test but InvoiceDemoData, and each factory
            // renders their PDFs in the background.
            ["Destek:Invoices:DemoInvoiceCount"] = "60",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (PostgreSqlConnectionString is not null)
        {
            settings["Destek:DatabaseProvider"] = "PostgreSQL";
            settings["Destek:ConnectionString"] = PostgreSqlConnectionString;
        }

        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
    }

    /// <summary>Starts Kestrel on a free loopback port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public async Task<T> WithDbAsync<T>(Func<DestekDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var factory = Services.GetRequiredService<IDbContextFactory<DestekDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await work(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (PostgreSqlConnectionString is not null)
            {
                TestDatabase.DropPostgreSql(PostgreSqlConnectionString);
            }

            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a background job; the temp folder is cleaned by the OS.
            }
        }
    }
}

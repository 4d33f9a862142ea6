using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Destek.Core.ExternalApi;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.ExternalApi;

/// <summary>
/// The app on a real Kestrel port with a clock the tests move, and the webhook job switched off:
/// tests deliver the outbox themselves (WebhookDispatcher.DeliverDueAsync), so nothing depends on timing.
/// </summary>
public class ExternalApiFactory : DestekAppFactory
{
    // Kestrel must start before anything touches Services (that would start the in-memory server instead).
    public ExternalApiFactory() => Address = StartKestrel();

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public Uri Address { get; }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:Webhooks:DeliveryJobEnabled"] = "false",
        ["Destek:Webhooks:Parallelism"] = "1",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A new API client and an HttpClient that sends its key and secret.</summary>
    public async Task<(CreatedApiClient Client, HttpClient Http)> NewClientAsync(string? name = null, IReadOnlyCollection<int>? departments = null, int rateLimit = 10_000)
    {
        var created = await Get<ApiClientAdmin>().CreateAsync(name ?? "ERP " + Guid.NewGuid().ToString("N")[..6], departments ?? [], rateLimit);
        return (created, HttpFor(created.ApiKey, created.ApiSecret));
    }

    public HttpClient HttpFor(string? key, string? secret)
    {
        var http = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        if (secret is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Secret", secret);
        }

        return http;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> CreateTicketAsync(HttpClient http, object body)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.PostAsJsonAsync("/api/external/tickets", body);
    }

    /// <summary>Runs a program (python3, node) in Destek.Tests/clients; returns stdout, fails the test on a non-zero exit.</summary>
    public static async Task<string> RunClientAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = ClientsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}\n{await stdout}");
        return await stdout;
    }

    public static string ClientsDirectory { get; } = FindClientsDirectory();

    private static string FindClientsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Destek.Tests", "clients");
            if (File.Exists(Path.Combine(candidate, "destek_client.py")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Destek.Tests/clients not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A TimeProvider the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

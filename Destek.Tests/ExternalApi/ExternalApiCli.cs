using System.Text.Json;
using Destek.App.Cli;
using Destek.Core.ExternalApi;
using Destek.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.ExternalApi;

/// <summary>The admin command lines for API clients and webhooks print JSON; secrets once.</summary>
[Trait("Category", "Integration")]
public sealed class ExternalApiCli(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    [Fact]
    public async Task CreateRotateListAndAddAWebhook()
    {
        var department = await app.WithDbAsync(db => db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        var created = await RunAsync("api-clients", "create", "--name", "CLI ERP", "--departments", department.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rate-limit", "120");
        var key = created.GetProperty("api_key").GetString()!;
        var secret = created.GetProperty("api_secret").GetString()!;
        Assert.True(created.GetProperty("id").GetInt32() > 0);
        Assert.True(secret.Length >= 64);

        var rotated = await RunAsync("api-clients", "rotate-secret", "--client", key);
        Assert.NotEqual(secret, rotated.GetProperty("api_secret").GetString());

        var list = await RunAsync("api-clients", "list");
        var row = list.EnumerateArray().Single(c => c.GetProperty("api_key").GetString() == key);
        Assert.Equal(120, row.GetProperty("rate_limit_per_minute").GetInt32());
        Assert.Equal([department], row.GetProperty("allowed_departments").EnumerateArray().Select(d => d.GetInt32()).ToArray());
        Assert.False(row.TryGetProperty("api_secret", out _));

        var webhook = await RunAsync("webhooks", "create", "--client", key, "--url", "https://erp.example.com/webhooks/destek",
            "--events", "ticket.created,ticket.closed", "--max-attempts", "5", "--retry-delay-seconds", "30");
        Assert.True(webhook.GetProperty("id").GetInt32() > 0);
        Assert.StartsWith("whsec_", webhook.GetProperty("secret").GetString(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Set<WebhookSubscription>().SingleAsync(s => s.Id == webhook.GetProperty("id").GetInt32()));
        Assert.Equal(["ticket.created", "ticket.closed"], stored.Events);
        Assert.Equal(5, stored.MaxAttempts);
        Assert.Equal(30, stored.RetryDelaySeconds);

        var withSecret = await RunAsync("webhooks", "create", "--client", key, "--url", "https://erp.example.com/h2", "--events", "comment.added", "--secret", "bizim-sabit-secretimiz-123");
        Assert.Equal("bizim-sabit-secretimiz-123", withSecret.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task BadInputIsRefusedWithAMessage()
    {
        var (code, _, error) = await RunRawAsync("webhooks", "create", "--client", "no-such-key", "--url", "https://x.example.com", "--events", "ticket.created");
        Assert.Equal(1, code);
        Assert.Contains("bulunamadı", ErrorOf(error), StringComparison.Ordinal);
        (code, _, error) = await RunRawAsync("api-clients", "create", "--name", "E");
        Assert.Equal(1, code);
        Assert.Contains("2-100", ErrorOf(error), StringComparison.Ordinal);
        (code, _, error) = await RunRawAsync("webhooks", "create", "--client", (await app.Get<ApiClientAdmin>().CreateAsync("Olay testi", [])).ApiKey,
            "--url", "https://x.example.com", "--events", "ticket.exploded");
        Assert.Equal(1, code);
        Assert.Contains("ticket.exploded", ErrorOf(error), StringComparison.Ordinal);
    }

    private static string ErrorOf(string stderr) => JsonDocument.Parse(stderr).RootElement.GetProperty("error").GetString()!;

    private async Task<JsonElement> RunAsync(params string[] args)
    {
        var (code, output, error) = await RunRawAsync(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private async Task<(int Code, string Output, string Error)> RunRawAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCli.RunAsync(app.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

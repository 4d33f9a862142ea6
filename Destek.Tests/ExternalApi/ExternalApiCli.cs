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

    [Fact]
    public async Task UpdateChangesOnlyTheGivenClientSettings()
    {
        var muhasebe = await app.WithDbAsync(db => db.Departments.Where(d => d.Name == "Muhasebe").Select(d => d.Id).SingleAsync());
        var created = await app.Get<ApiClientAdmin>().CreateAsync("CLI Güncelle", [], 60);
        using (var http = app.HttpFor(created.ApiKey, created.ApiSecret))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/external/tickets", UriKind.Relative))).StatusCode);
        }

        var updated = await RunAsync("api-clients", "update", "--client", created.ApiKey, "--rate-limit", "7", "--departments", muhasebe.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("CLI Güncelle", updated.GetProperty("name").GetString());
        Assert.Equal(7, updated.GetProperty("rate_limit_per_minute").GetInt32());
        Assert.Equal([muhasebe], updated.GetProperty("allowed_departments").EnumerateArray().Select(d => d.GetInt32()).ToArray());

        // The authenticator's cache is dropped: the new limit holds from the next request on.
        using (var again = app.HttpFor(created.ApiKey, created.ApiSecret))
        {
            var response = await again.GetAsync(new Uri("/api/external/tickets", UriKind.Relative));
            Assert.Equal("7", Assert.Single(response.Headers.GetValues("X-RateLimit-Limit")));
        }

        updated = await RunAsync("api-clients", "update", "--client", created.ApiKey, "--name", "CLI Yeni Ad", "--departments", "all");
        Assert.Equal("CLI Yeni Ad", updated.GetProperty("name").GetString());
        Assert.Equal(7, updated.GetProperty("rate_limit_per_minute").GetInt32());
        Assert.Empty(updated.GetProperty("allowed_departments").EnumerateArray());

        var (code, _, error) = await RunRawAsync("api-clients", "update", "--client", created.ApiKey, "--rate-limit", "0");
        Assert.Equal(1, code);
        Assert.Contains("Dakikalık istek limiti", ErrorOf(error), StringComparison.Ordinal);
        (code, _, error) = await RunRawAsync("api-clients", "update", "--client", created.ApiKey, "--departments", "999999");
        Assert.Equal(1, code);
        Assert.Contains("Departman bulunamadı: 999999", ErrorOf(error), StringComparison.Ordinal);
        Assert.Equal(7, (await app.Get<ApiClientAdmin>().GetAsync(created.Id))!.RateLimitPerMinute);
    }

    [Fact]
    public async Task WebhooksAreUpdatedAndDeleted()
    {
        var client = await app.Get<ApiClientAdmin>().CreateAsync("CLI Webhook", []);
        var webhook = await app.Get<WebhookAdmin>().CreateAsync(client.Id, "https://erp.example.com/eski", ["ticket.created"]);
        var id = webhook.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var updated = await RunAsync("webhooks", "update", "--id", id, "--url", "https://erp.example.com/yeni", "--max-attempts", "6");
        Assert.Equal("https://erp.example.com/yeni", updated.GetProperty("url").GetString());
        Assert.Equal(["ticket.created"], updated.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(6, updated.GetProperty("max_attempts").GetInt32());
        Assert.Equal(WebhookSubscription.DefaultRetryDelaySeconds, updated.GetProperty("retry_delay_seconds").GetInt32());

        updated = await RunAsync("webhooks", "update", "--id", id, "--events", "comment.added,ticket.closed", "--retry-delay-seconds", "15");
        Assert.Equal(["ticket.closed", "comment.added"], updated.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(15, updated.GetProperty("retry_delay_seconds").GetInt32());
        Assert.Equal(6, updated.GetProperty("max_attempts").GetInt32());

        var (code, _, error) = await RunRawAsync("webhooks", "update", "--id", id, "--url", "ftp://erp.example.com/x");
        Assert.Equal(1, code);
        Assert.Contains("http:// veya https://", ErrorOf(error), StringComparison.Ordinal);
        (code, _, _) = await RunRawAsync("webhooks", "update", "--id", "on-iki");
        Assert.Equal(2, code);

        await app.WithDbAsync(async db =>
        {
            db.Add(WebhookDelivery.Create(webhook.Id, "ticket.closed", null, "{}", app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        var deleted = await RunAsync("webhooks", "delete", "--id", id);
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Equal(1, deleted.GetProperty("dropped_pending_deliveries").GetInt32());
        Assert.Null(await app.Get<WebhookAdmin>().GetAsync(webhook.Id));

        (code, _, error) = await RunRawAsync("webhooks", "delete", "--id", id);
        Assert.Equal(1, code);
        Assert.Contains($"Webhook bulunamadı: {id}", ErrorOf(error), StringComparison.Ordinal);
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

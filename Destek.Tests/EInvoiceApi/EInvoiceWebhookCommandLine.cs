using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Destek.App.Cli;
using Destek.Core.Invoices;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.EInvoiceApi;

/// <summary>einvoice-webhooks create prints {"id","secret"} (refused without the module); einvoice-webhooks test posts webhook.test and prints the receiver's status.</summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceWebhookCommandLine(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>, IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task CreatePrintsIdAndSecretAndTestPrintsTheReceiversStatus()
    {
        var org = await OrganizationAsync(webhooks: true);
        const string secret = "whsec_cli_test_secret_0123456789";
        var created = await RunAsync("einvoice-webhooks", "create", "--organization", org, "--url", _receiver.Url, "--events", "einvoice.*", "--secret", secret);
        Assert.Equal(["id", "secret"], created.EnumerateObject().Select(p => p.Name));
        Assert.Equal(secret, created.GetProperty("secret").GetString());
        var id = created.GetProperty("id").GetInt32();
        var stored = await app.WithDbAsync(db => db.Set<WebhookSubscription>().AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((WebhookKind.EInvoice, int.Parse(org, CultureInfo.InvariantCulture), true), (stored.Kind, stored.OrganizationId, stored.IsActive));
        Assert.Equal([EInvoiceEvents.Wildcard], stored.Events);

        _receiver.Answer = _ => (202, "kabul", null);
        var test = await RunAsync("einvoice-webhooks", "test", "--id", id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((id, "webhook.test", 202, true), (test.GetProperty("id").GetInt32(), test.GetProperty("event").GetString(),
            test.GetProperty("status_code").GetInt32(), test.GetProperty("succeeded").GetBoolean()));
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("webhook.test", received.Event);
        var timestamp = received.Headers["X-Webhook-Timestamp"];
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + received.Text))),
            received.Headers["X-Webhook-Signature"]);
        using var body = JsonDocument.Parse(received.Text);
        Assert.Equal("webhook.test", body.RootElement.GetProperty("event").GetString());

        _receiver.Answer = _ => (500, "patladı", null);
        test = await RunAsync("einvoice-webhooks", "test", "--id", id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((500, false), (test.GetProperty("status_code").GetInt32(), test.GetProperty("succeeded").GetBoolean()));
    }

    [Fact]
    public async Task CreateWithoutASecretMakesOneAndTheListedEventsOnly()
    {
        var org = await OrganizationAsync(webhooks: true);
        var created = await RunAsync("einvoice-webhooks", "create", "--organization", org, "--url", _receiver.Url, "--events", "einvoice.issued,einvoice.cancelled");
        Assert.True(created.GetProperty("secret").GetString()!.Length >= 16);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal([EInvoiceEvents.Issued, EInvoiceEvents.Cancelled],
            await app.WithDbAsync(db => db.Set<WebhookSubscription>().Where(s => s.Id == id).Select(s => s.Events).SingleAsync()));
    }

    [Fact]
    public async Task RefusesWithAMessageWhatCannotBeDone()
    {
        var off = await OrganizationAsync(webhooks: false);
        var (code, output, error) = await RunRawAsync("einvoice-webhooks", "create", "--organization", off, "--url", _receiver.Url, "--events", "einvoice.*");
        Assert.Equal((1, "", WebhookAdmin.GateClosedMessage), (code, output, ErrorOf(error)));

        var on = await OrganizationAsync(webhooks: true);
        (code, _, error) = await RunRawAsync("einvoice-webhooks", "create", "--organization", on, "--url", _receiver.Url, "--events", "ticket.created");
        Assert.Equal(1, code);
        Assert.Contains("Bilinmeyen olay: ticket.created", ErrorOf(error), StringComparison.Ordinal);

        (code, _, error) = await RunRawAsync("einvoice-webhooks", "create", "--organization", "987654", "--url", _receiver.Url, "--events", "einvoice.*");
        Assert.Equal((1, "Organizasyon bulunamadı: 987654."), (code, ErrorOf(error)));

        (code, _, _) = await RunRawAsync("einvoice-webhooks", "create", "--organization", on, "--events", "einvoice.*");
        Assert.Equal(2, code);

        (code, _, error) = await RunRawAsync("einvoice-webhooks", "test", "--id", "987654");
        Assert.Equal((1, "E-fatura webhook'u bulunamadı: 987654"), (code, ErrorOf(error)));
        Assert.Empty(_receiver.Received);
    }

    private async Task<string> OrganizationAsync(bool webhooks)
    {
        var org = await app.NewOrganizationAsync("Komut Webhook A.Ş. " + Guid.NewGuid().ToString("N")[..6]);
        if (webhooks)
        {
            await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2099, 12, 31));
        }

        return org.ToString(CultureInfo.InvariantCulture);
    }

    private static string ErrorOf(string stderr) => JsonDocument.Parse(stderr).RootElement.GetProperty("error").GetString()!;

    private async Task<JsonElement> RunAsync(params string[] args)
    {
        var (code, output, error) = await RunRawAsync(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private async Task<(int Code, string Output, string Error)> RunRawAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCli.RunAsync(app.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Destek.App.Cli;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Destek.Tests.EInvoiceApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Cli;

/// <summary>organizations list, einvoice-tokens create/list/revoke and modules set print JSON; the token once, and it works.</summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceCommandLine(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>
{
    [Fact]
    public async Task ModulesSetThenATokenFromTheCommandLineReadsTheApi()
    {
        var org = await app.NewOrganizationAsync("Komut A.Ş.", apiModule: false);
        var id = org.ToString(CultureInfo.InvariantCulture);
        var set = await RunAsync("modules", "set", "--organization", id, "--module", "feature.einvoice_api", "--until", "2099-12-31");
        Assert.Equal((org, "feature.einvoice_api", "2099-12-31", true),
            (set.GetProperty("organization_id").GetInt32(), set.GetProperty("module").GetString(), set.GetProperty("until").GetString(), set.GetProperty("active").GetBoolean()));

        var created = await RunAsync("einvoice-tokens", "create", "--organization", id, "--name", "Logo ERP", "--abilities", "einvoices:read,einvoices:status",
            "--expires-days", "90", "--allow-ip", "127.0.0.0/8,::1");
        Assert.Equal(["id", "token", "expires_at"], created.EnumerateObject().Select(p => p.Name));
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("dpat_", token, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(90).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), created.GetProperty("expires_at").GetString());
        var stored = await app.WithDbAsync(db => db.Set<PersonalAccessToken>().AsNoTracking().SingleAsync(t => t.Id == created.GetProperty("id").GetInt32()));
        Assert.Equal(["einvoices:read", "einvoices:status"], stored.Abilities);
        Assert.Equal(["127.0.0.0/8", "::1/128"], stored.AllowedNetworks);
        Assert.Equal(ApiClient.HashSecret(token), stored.TokenHash);
        Assert.Equal(await app.AdminIdAsync(), stored.UserId);

        using var http = app.ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/v1/einvoices", UriKind.Relative))).StatusCode);

        var listed = await RunAsync("einvoice-tokens", "list", "--organization", id);
        var row = Assert.Single(listed.EnumerateArray());
        Assert.False(row.TryGetProperty("token", out _));
        Assert.Equal(token[..11], row.GetProperty("hint").GetString());

        var off = await RunAsync("modules", "set", "--organization", id, "--module", "feature.einvoice_api", "--until", "2020-01-01");
        Assert.False(off.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri("/api/v1/einvoices", UriKind.Relative))).StatusCode);

        await RunAsync("einvoice-tokens", "revoke", "--id", created.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/v1/einvoices", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task OrganizationsListShowsTaxIdsAndModules()
    {
        var org = await app.NewOrganizationAsync("Liste Komut A.Ş.");
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2020, 1, 1));
        var list = await RunAsync("organizations", "list");
        var row = list.EnumerateArray().Single(o => o.GetProperty("id").GetInt32() == org);
        Assert.Equal(["id", "name", "tax_id", "modules"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Liste Komut A.Ş.", row.GetProperty("name").GetString());
        Assert.Matches(@"^\d{10}$", row.GetProperty("tax_id").GetString());
        var modules = row.GetProperty("modules").EnumerateArray().ToDictionary(m => m.GetProperty("module").GetString()!, m => m.GetProperty("active").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["feature.einvoice_api"] = true, ["feature.einvoice_webhooks"] = false }, modules);
    }

    [Fact]
    public async Task BadInputIsRefusedWithAMessage()
    {
        var org = (await app.NewOrganizationAsync("Hatalı Komut A.Ş.")).ToString(CultureInfo.InvariantCulture);
        var (code, _, error) = await RunRawAsync("einvoice-tokens", "create", "--organization", org, "--name", "ERP", "--abilities", "einvoices:read", "--expires-days", "45");
        Assert.Equal((1, "Geçerlilik süresi 30, 90, 180, 365 günden biri olmalıdır."), (code, ErrorOf(error)));
        (code, _, error) = await RunRawAsync("einvoice-tokens", "create", "--organization", org, "--name", "ERP", "--abilities", "einvoices:delete", "--expires-days", "30");
        Assert.Equal(1, code);
        Assert.Contains("Bilinmeyen yetki: einvoices:delete", ErrorOf(error), StringComparison.Ordinal);
        (code, _, error) = await RunRawAsync("einvoice-tokens", "create", "--organization", org, "--name", "ERP", "--abilities", "einvoices:read", "--expires-days", "30", "--allow-ip", "10.0.0.1/8");
        Assert.Equal(1, code);
        Assert.Contains("'10.0.0.1/8'", ErrorOf(error), StringComparison.Ordinal);
        (code, _, error) = await RunRawAsync("einvoice-tokens", "create", "--organization", "987654", "--name", "ERP", "--abilities", "einvoices:read", "--expires-days", "30");
        Assert.Equal((1, "Organizasyon bulunamadı: 987654."), (code, ErrorOf(error)));
        (code, _, error) = await RunRawAsync("modules", "set", "--organization", org, "--module", "feature.crm", "--until", "2027-12-31");
        Assert.Equal(1, code);
        Assert.Contains("Bilinmeyen modül: feature.crm", ErrorOf(error), StringComparison.Ordinal);
        (code, _, error) = await RunRawAsync("modules", "set", "--organization", org, "--module", "feature.einvoice_api", "--until", "31.12.2027");
        Assert.Equal(2, code);
        Assert.Contains("--until", ErrorOf(error), StringComparison.Ordinal);
        (code, _, _) = await RunRawAsync("einvoice-tokens", "create", "--name", "ERP", "--abilities", "einvoices:read", "--expires-days", "30");
        Assert.Equal(2, code);
        Assert.Empty(await app.WithDbAsync(db => db.Set<PersonalAccessToken>().Where(t => t.Name == "ERP").ToListAsync()));
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

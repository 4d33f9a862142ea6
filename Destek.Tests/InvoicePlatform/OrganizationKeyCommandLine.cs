using System.Globalization;
using System.Net;
using System.Text.Json;
using Destek.App.Cli;

namespace Destek.Tests.InvoicePlatform;

/// <summary><c>org-keys create --organization ID [--sandbox]</c> → <c>{"id","key"}</c>; list, revoke, rate-limit and the organization's webhook endpoint.</summary>
public sealed class OrganizationKeyCommandLine(InvoicePlatformFactory app) : IClassFixture<InvoicePlatformFactory>
{
    [Fact]
    public async Task CreatesListsLimitsAndRevokesKeys()
    {
        var org = (await app.NewOrganizationAsync()).ToString(CultureInfo.InvariantCulture);

        var test = await RunAsync(0, "org-keys", "create", "--organization", org, "--sandbox");
        var live = await RunAsync(0, "org-keys", "create", "--organization", org);

        Assert.Equal(["id", "key"], test.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.StartsWith("test_", test.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("live_", live.GetProperty("key").GetString(), StringComparison.Ordinal);
        using var http = app.ClientWith(test.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/v1/invoices", UriKind.Relative))).StatusCode);

        var list = await RunAsync(0, "org-keys", "list", "--organization", org);
        Assert.Equal([true, false], list.EnumerateArray().Select(k => k.GetProperty("sandbox").GetBoolean()).ToArray());
        Assert.DoesNotContain(test.GetProperty("key").GetString()!, list.GetRawText(), StringComparison.Ordinal);

        var limited = await RunAsync(0, "org-keys", "rate-limit", "--organization", org, "--per-minute", "1000");
        Assert.Equal(1000, limited.GetProperty("per_minute").GetInt32());
        Assert.Equal("1000", (await http.GetAsync(new Uri("/v1/invoices", UriKind.Relative))).Headers.GetValues("X-RateLimit-Limit").Single());

        await RunAsync(0, "org-keys", "revoke", "--id", test.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/v1/invoices", UriKind.Relative))).StatusCode);

        var webhook = await RunAsync(0, "org-webhooks", "create", "--organization", org, "--url", "http://127.0.0.1:9/hook");
        Assert.StartsWith("whsec_", webhook.GetProperty("secret").GetString(), StringComparison.Ordinal);
        await RunAsync(1, "org-keys", "create", "--organization", "999999");
    }

    private async Task<JsonElement> RunAsync(int expected, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCli.RunAsync(app.Services, args, output, error);
        Assert.True(expected == code, error.ToString());
        var text = code == 0 ? output.ToString() : error.ToString();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

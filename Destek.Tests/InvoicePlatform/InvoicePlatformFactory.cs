using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Destek.Core.Access;
using Destek.Core.Customers;
using Destek.Core.Invoices;
using Destek.Core.Webhooks;
using Destek.Tests.EInvoiceApi;
using Destek.Tests.ExternalApi;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.InvoicePlatform;

/// <summary>
/// The app on a clock the tests move (simulator delay, rate-limit windows, webhook timestamps), with
/// no background delivery or provider runs: tests drain the outbox and run the provider step themselves.
/// </summary>
public sealed class InvoicePlatformFactory : DestekAppFactory
{
    public const string Secret = "whsec_invoice_platform_0123456789abcdef";

    // Whole seconds: PostgreSQL keeps microseconds, so a tick-precise "now" would not read back equal.
    public TestClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:Webhooks:DeliveryJobEnabled"] = "false",
        ["Destek:InvoicePlatform:ProviderPollSeconds"] = "3600",
        ["Destek:InvoicePlatform:SimulatorDelaySeconds"] = "5",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<int> NewOrganizationAsync(string name = "Entegratör A.Ş.") =>
        await WithDbAsync(async db =>
        {
            var org = CustomerOrganization.Create(name + " " + Interlocked.Increment(ref _organizations).ToString(CultureInfo.InvariantCulture), Vkn(_organizations + 5000), Clock.GetUtcNow().UtcDateTime);
            db.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });

    public async Task<string> KeyAsync(int organizationId, bool sandbox) =>
        (await Get<OrganizationKeyAdmin>().CreateAsync(organizationId, sandbox)).Key;

    public HttpClient ClientWith(string? key)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return http;
    }

    /// <summary>Runs the provider step as the job would.</summary>
    public Task<int> RunProvidersAsync() => Get<InvoicePlatformService>().ProcessQueuedAsync();

    /// <summary>Sends every due webhook delivery.</summary>
    public async Task<int> DrainAsync()
    {
        var dispatcher = Get<WebhookDispatcher>();
        var total = 0;
        int sent;
        while ((sent = await dispatcher.DeliverDueAsync()) > 0)
        {
            total += sent;
        }

        return total;
    }

    public static async Task<HttpResponseMessage> CreateAsync(HttpClient http, string body, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/invoices", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("X-Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The document's example body: a company buyer (VKN), two lines, Trendyol.</summary>
    public static string Body(string buyer = "Örnek Ticaret Ltd. Şti.", decimal quantity = 2m) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["customer"] = new Dictionary<string, object?>
        {
            ["name"] = buyer,
            ["vkn"] = Vkn(42),
            ["email"] = "muhasebe@ornek.com.tr",
            ["address"] = "Atatürk Cad. No:1, Kadıköy, İstanbul",
        },
        ["items"] = new object[]
        {
            new Dictionary<string, object?> { ["sku"] = "KLV-01", ["name"] = "Klavye", ["quantity"] = quantity, ["unit_price"] = 450.00m, ["vat_rate"] = 20, ["discount_amount"] = 50m },
            new Dictionary<string, object?> { ["name"] = "Kargo", ["quantity"] = 1, ["unit_price"] = 49.90m, ["vat_rate"] = 20 },
        },
        ["currency"] = "TRY",
        ["marketplace"] = "trendyol",
        ["marketplace_order_no"] = "TY-10001",
    });

    /// <summary>A VKN whose check digit the invoices module's rule accepts, from a seed.</summary>
    public static string Vkn(int seed)
    {
        var first9 = ((seed * 7919L) % 1_000_000_000L).ToString("D9", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(d => first9 + d.ToString(CultureInfo.InvariantCulture)).First(TaxNumber.IsValidVkn);
    }

    private static int _organizations;
}

/// <summary>A receiver's check, written from seed-001 alone: X-Signature "t=&lt;ts&gt;, v1=&lt;hex HMAC-SHA256(secret, ts + "." + body)&gt;", refused when older than 5 minutes.</summary>
public static class PlatformSignature
{
    public static bool Verify(ReceivedWebhook webhook, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (!webhook.Headers.TryGetValue("X-Signature", out var header))
        {
            return false;
        }

        var parts = header.Split(',').Select(p => p.Trim().Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var timestamp) || !parts.TryGetValue("v1", out var signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || now.ToUnixTimeSeconds() - seconds > 300 || seconds - now.ToUnixTimeSeconds() > 300)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(webhook.Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}

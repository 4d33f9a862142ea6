using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Destek.Core.Access;
using Destek.Core.Customers;
using Destek.Core.Invoices;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.EInvoiceApi;

/// <summary>
/// The app on a clock the tests move (token expiry, module dates, last-use writes), trusting one proxy
/// network besides loopback, with helpers that make organizations, invoices and tokens directly.
/// </summary>
public sealed class EInvoiceApiFactory : DestekAppFactory
{
    public const string ProxyNetwork = "10.9.0.0/16";

    // Whole seconds: PostgreSQL keeps microseconds, so a tick-precise "now" would not read back equal.
    public TestClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:TrustedProxies:0"] = ProxyNetwork,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<int> AdminIdAsync() =>
        await WithDbAsync(db => db.Users.Where(u => u.Email == "admin@destek.local").Select(u => u.Id).SingleAsync());

    /// <summary>A new organization (VKN with a valid checksum), with feature.einvoice_api active for a year unless told otherwise.</summary>
    public async Task<int> NewOrganizationAsync(string name, bool apiModule = true)
    {
        var id = await WithDbAsync(async db =>
        {
            var org = CustomerOrganization.Create(name, NewVkn(), Clock.GetUtcNow().UtcDateTime);
            db.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        if (apiModule)
        {
            await Get<ModuleSwitches>().SetAsync(id, ModuleNames.EInvoiceApi, OrganizationModule.TodayInTurkey(Clock.GetUtcNow()).AddYears(1));
        }

        return id;
    }

    /// <summary>An invoice moved along the lifecycle to <paramref name="status"/>, numbered here from 900001 up, clear of the demo invoices.</summary>
    public async Task<int> NewInvoiceAsync(
        int organizationId, InvoiceStatus status = InvoiceStatus.Issued, InvoiceType type = InvoiceType.Sale, Marketplace? marketplace = Marketplace.Trendyol,
        IReadOnlyList<NewInvoiceItem>? items = null, string buyer = "Acme Ltd.")
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var invoice = Invoice.Create(
            new NewInvoice(organizationId, type, marketplace, marketplace is null ? null : "TY-ORDER-" + Interlocked.Increment(ref _orders).ToString(CultureInfo.InvariantCulture),
                buyer, "billing@acme.test", "+905300000000", null, items ?? [new NewInvoiceItem("SKU-1", "Ürün 1", 1m, 100m, 20m)]),
            now);
        foreach (var step in PathTo(status))
        {
            step(invoice, now);
        }

        return await WithDbAsync(async db =>
        {
            db.Add(invoice);
            db.Entry(invoice).Property(i => i.Number).CurrentValue = $"EA-{now.Year}-{Interlocked.Increment(ref _numbers):D6}";
            await db.SaveChangesAsync();
            return invoice.Id;
        });
    }

    /// <summary>A token (owner: the demo admin) and its plain value.</summary>
    public async Task<CreatedToken> NewTokenAsync(int organizationId, string[]? abilities = null, int days = 30, string[]? allow = null) =>
        await Get<PersonalAccessTokenAdmin>().CreateAsync(await AdminIdAsync(), organizationId, "Test ERP " + Guid.NewGuid().ToString("N")[..6],
            abilities ?? [TokenAbilities.EInvoicesRead], days, allow ?? []);

    public HttpClient ClientWith(string? token)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>A request arriving from <paramref name="peer"/> (the TCP peer), optionally with X-Forwarded-For.</summary>
    public async Task<HttpResponse> FromAsync(string peer, string path, string token, string? forwardedFor = null)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Scheme = "http";
            c.Request.Host = new HostString("localhost");
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Headers.Authorization = "Bearer " + token;
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        return context.Response;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body.CanSeek)
        {
            response.Body.Position = 0;
        }

        using var reader = new StreamReader(response.Body, Encoding.UTF8);
        using var document = JsonDocument.Parse(await reader.ReadToEndAsync());
        return document.RootElement.Clone();
    }

    private static int _orders;
    private static int _numbers = 900_000; // above the demo invoices and the numbering service's own, which share the table
    private static int _vkn = 1_000_000;

    private static IEnumerable<Action<Invoice, DateTime>> PathTo(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => [],
        InvoiceStatus.Queued => [(i, t) => i.Queue(t)],
        InvoiceStatus.Issued => [(i, t) => i.Queue(t), (i, t) => i.Issue(t)],
        InvoiceStatus.Sent => [(i, t) => i.Queue(t), (i, t) => i.Issue(t), (i, t) => i.MarkSent(t)],
        InvoiceStatus.Accepted => [(i, t) => i.Queue(t), (i, t) => i.Issue(t), (i, t) => i.MarkSent(t), (i, t) => i.Accept(t)],
        InvoiceStatus.Rejected => [(i, t) => i.Queue(t), (i, t) => i.Issue(t), (i, t) => i.MarkSent(t), (i, t) => i.Reject("test", t)],
        InvoiceStatus.Cancelled => [(i, t) => i.Queue(t), (i, t) => i.Issue(t), (i, t) => i.Cancel("test", t)],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A VKN whose check digit the invoices module's own rule accepts, different every call.</summary>
    private static string NewVkn()
    {
        var first9 = ((Interlocked.Increment(ref _vkn) * 7919L) % 1_000_000_000L).ToString("D9", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(d => first9 + d.ToString(CultureInfo.InvariantCulture)).First(TaxNumber.IsValidVkn);
    }
}

/// <summary>A fake clock whose timers are real ones: only "now" is the test's, so background loops still run.</summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}

using Destek.Core.Data;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Webhooks;

/// <summary>
/// The external API app (real Kestrel, a clock the tests move, no delivery job) sending eight
/// deliveries at once, so a line that is not held together would show up out of order.
/// </summary>
public class WebhookEngineFactory : ExternalApiFactory
{
    public const string Secret = "whsec_einvoice_secret_0123456789abcdef";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Destek:Webhooks:Parallelism"] = "8",
    };

    // The engine's tests use made-up organizations; the module gate has its own tests (Destek.Tests/Invoices).
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IWebhookGate, OpenWebhookGate>());
    }

    /// <summary>An organization id no other test uses (the organization table is not the engine's).</summary>
    public static int NewOrganizationId() => Random.Shared.Next(100_000, int.MaxValue);

    /// <summary>Raises one e-invoice event in its own transaction, as an invoice change would.</summary>
    public async Task<int> RaiseAsync(int organizationId, string eventName, int invoiceId, string status = "issued")
    {
        await using var db = await Get<IDbContextFactory<DestekDbContext>>().CreateDbContextAsync();
        var added = await Get<EInvoiceWebhooks>().EnqueueAsync(db, organizationId, eventName, $"invoice:{invoiceId}", InvoiceData(invoiceId, status));
        await db.SaveChangesAsync();
        return added;
    }

    /// <summary>Sends until nothing is due; two senders at once, as two nodes (or the job and the wake-up) would.</summary>
    public async Task<int> DrainAsync()
    {
        var dispatcher = Get<WebhookDispatcher>();
        var total = 0;
        while (true)
        {
            var sent = await Task.WhenAll(Task.Run(() => dispatcher.DeliverDueAsync()), Task.Run(() => dispatcher.DeliverDueAsync()));
            if (sent.Sum() == 0)
            {
                return total;
            }

            total += sent.Sum();
        }
    }

    /// <summary>seed-003's payload example, as a raiser would build it.</summary>
    public static object InvoiceData(int invoiceId, string status) => new
    {
        Einvoice = new
        {
            Id = invoiceId,
            Status = status,
            Type = "sale",
            InvoiceNo = $"EA-2026-{invoiceId:000000}",
            IssuedAt = "2026-02-01T12:00:00Z",
            Totals = new { Subtotal = 100, TaxTotal = 20, DiscountTotal = 0, GrandTotal = 120, Currency = "TRY" },
            Marketplace = "trendyol",
            OrderNo = "TY-ORDER-001",
            Provider = "custom",
            ProviderStatus = "queued",
        },
        User = new { Id = 2 },
    };

    /// <summary>Switches off every endpoint, so a test's pending retries never reach the next test's counts.</summary>
    public async Task SwitchOffAllAsync()
    {
        var admin = Get<WebhookAdmin>();
        foreach (var id in await WithDbAsync(db => db.Set<WebhookSubscription>().Where(s => s.IsActive).Select(s => s.Id).ToListAsync()))
        {
            await admin.SetActiveAsync(id, false);
        }
    }

    public Task<List<WebhookDelivery>> DeliveriesAsync(int subscriptionId) =>
        WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == subscriptionId).OrderBy(d => d.Id).ToListAsync());
}

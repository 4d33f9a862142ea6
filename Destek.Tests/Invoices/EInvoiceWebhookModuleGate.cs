using System.Security.Cryptography;
using System.Text;
using Destek.Core.Invoices;
using Destek.Core.Webhooks;
using Destek.Tests.EInvoiceApi;
using Destek.Tests.ExternalApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Invoices;

/// <summary>feature.einvoice_webhooks: without it an e-invoice endpoint cannot be created, switched on, or delivered to.</summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceWebhookModuleGate(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>, IDisposable
{
    private const string Secret = "whsec_module_gate_0123456789abcdef";
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task CreateIsRefusedWithoutTheModuleOrAfterItLapsed()
    {
        var admin = app.Get<WebhookAdmin>();
        var org = await app.NewOrganizationAsync("Modülsüz A.Ş. " + Guid.NewGuid().ToString("N")[..6]);
        var refused = await Assert.ThrowsAsync<WebhookAdminException>(() => admin.CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard]));
        Assert.Equal(WebhookAdmin.GateClosedMessage, refused.Message);

        var switches = app.Get<ModuleSwitches>();
        await switches.SetAsync(org, ModuleNames.EInvoiceWebhooks, OrganizationModule.TodayInTurkey(app.Clock.GetUtcNow()).AddDays(-1));
        await Assert.ThrowsAsync<WebhookAdminException>(() => admin.CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard]));
        // The API module is not the webhook module.
        Assert.True(await switches.IsActiveAsync(org, ModuleNames.EInvoiceApi, app.Clock.GetUtcNow()));
        Assert.Empty(await admin.ListForOrganizationAsync(org));

        await switches.SetAsync(org, ModuleNames.EInvoiceWebhooks, OrganizationModule.TodayInTurkey(app.Clock.GetUtcNow()));
        var created = await admin.CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard]);
        Assert.Equal([created.Id], (await admin.ListForOrganizationAsync(org)).Select(w => w.Id));
    }

    [Fact]
    public async Task ActivateIsRefusedOnceTheModuleLapsed()
    {
        var admin = app.Get<WebhookAdmin>();
        var org = await OrganizationWithWebhooksAsync();
        var webhook = await admin.CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Wildcard]);
        await admin.SetActiveAsync(webhook.Id, false);
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2020, 1, 1));

        var refused = await Assert.ThrowsAsync<WebhookAdminException>(() => admin.SetActiveAsync(webhook.Id, true));
        Assert.Equal(WebhookAdmin.GateClosedMessage, refused.Message);
        Assert.False((await admin.GetAsync(webhook.Id))!.IsActive);

        // Switching off stays possible: it needs no licence.
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2099, 12, 31));
        await admin.SetActiveAsync(webhook.Id, true);
        Assert.True((await admin.GetAsync(webhook.Id))!.IsActive);
    }

    [Fact]
    public async Task DeliveryWaitsWhileTheModuleIsOffAndGoesOutSignedOnceItIsBack()
    {
        var org = await OrganizationWithWebhooksAsync();
        var webhook = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, _receiver.Url, [EInvoiceEvents.Created], Secret);
        var switches = app.Get<ModuleSwitches>();
        await switches.SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2020, 1, 1));

        var invoice = await app.Get<InvoiceService>().CreateAsync(new NewInvoice(org, InvoiceType.Sale, Marketplace.N11, "N11-1", "Ayşe Yılmaz", null, null, null,
            [new NewInvoiceItem("SKU-1", "Ürün 1", 2m, 50m, 20m)]));
        await app.Get<WebhookDispatcher>().DeliverDueAsync();
        // The wake-up on commit may have claimed the row first: wait for whichever sender had it to record the hold.
        var held = await SettledAsync(webhook.Id, d => d.LastError is not null);
        Assert.Equal((DeliveryStatus.Pending, 0, WebhookAdmin.GateClosedMessage), (held.Status, held.AttemptCount, held.LastError));
        Assert.Empty(_receiver.Received);

        await switches.SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2099, 12, 31));
        app.Clock.Advance(WebhookDispatcher.GateRecheck);
        await app.Get<WebhookDispatcher>().DeliverDueAsync();
        Assert.Equal(DeliveryStatus.Delivered, (await SettledAsync(webhook.Id, d => d.Status != DeliveryStatus.Pending)).Status);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal(EInvoiceEvents.Created, received.Event);
        var timestamp = received.Headers["X-Webhook-Timestamp"];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + received.Text)));
        Assert.Equal(expected, received.Headers["X-Webhook-Signature"]);
        Assert.Contains($"\"invoice_no\":\"{invoice.Number}\"", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketWebhooksNeedNoModule()
    {
        var gate = app.Get<IWebhookGate>();
        Assert.IsType<ModuleWebhookGate>(gate);
        Assert.True(await gate.AllowsAsync(WebhookKind.Ticket, null, default));
        Assert.False(await gate.AllowsAsync(WebhookKind.EInvoice, null, default));
        Assert.False(await gate.AllowsAsync(WebhookKind.EInvoice, 987_654, default));
    }

    private async Task<int> OrganizationWithWebhooksAsync()
    {
        var org = await app.NewOrganizationAsync("Modüllü A.Ş. " + Guid.NewGuid().ToString("N")[..6]);
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2099, 12, 31));
        return org;
    }

    /// <summary>The endpoint's one delivery once <paramref name="settled"/> holds (the delivery job also runs in this app), or as it is after 10 s.</summary>
    private async Task<WebhookDelivery> SettledAsync(int subscriptionId, Func<WebhookDelivery, bool> settled)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var delivery = await app.WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().SingleAsync(d => d.SubscriptionId == subscriptionId));
            if (settled(delivery) || DateTime.UtcNow > until)
            {
                return delivery;
            }

            await Task.Delay(50);
        }
    }
}

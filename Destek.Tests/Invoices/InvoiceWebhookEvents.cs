using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Destek.Core.Webhooks;
using Destek.Tests.EInvoiceApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Invoices;

/// <summary>
/// Invoice changes become e-invoice webhook outbox rows in their own transaction, with seed-003's body
/// (<c>event, id, created_at, data{einvoice{…}, user{id}}</c>), one line per invoice in the order the events happened.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InvoiceWebhookEvents(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>
{
    // Nothing listens there: rows stay pending (the fake clock never makes a retry due), so the test reads them as written.
    private const string Nowhere = "http://127.0.0.1:9/hook";

    [Fact]
    public async Task CreateIssueSendAndProviderAcceptRaiseTheDocumentsEventsAndBody()
    {
        var org = await OrganizationWithWebhooksAsync("Olay Sırası A.Ş.");
        var other = await OrganizationWithWebhooksAsync("Başka Hesap A.Ş.");
        var endpoint = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, Nowhere, [EInvoiceEvents.Wildcard]);
        var elsewhere = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(other, Nowhere, [EInvoiceEvents.Wildcard]);
        var user = await app.AdminIdAsync();
        var service = app.Get<InvoiceService>();

        var invoice = await service.CreateAsync(Sale(org, user));
        await service.IssueAsync(invoice.Id);
        await service.UpdateAsync(invoice.Id, (i, now) => i.MarkSent(now));
        Assert.True(await app.Get<InvoiceQueries>().ApplyProviderStatusAsync(org, invoice.Id, "accepted", "PRV-999", null, app.Clock.GetUtcNow().UtcDateTime));

        var rows = await RowsAsync(endpoint.Id);
        Assert.Equal([EInvoiceEvents.Created, EInvoiceEvents.Issued, EInvoiceEvents.Sent, EInvoiceEvents.StatusChanged], rows.Select(r => r.Event));
        Assert.All(rows, r => Assert.Equal($"invoice:{invoice.Id}", r.AggregateKey));
        Assert.Empty(await RowsAsync(elsewhere.Id));

        var now = app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var accepted = JsonDocument.Parse(rows[^1].Payload);
        var root = accepted.RootElement;
        Assert.Equal(["event", "id", "created_at", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((EInvoiceEvents.StatusChanged, now), (root.GetProperty("event").GetString(), root.GetProperty("created_at").GetString()));
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        var data = root.GetProperty("data");
        Assert.Equal(["einvoice", "user"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal($$"""{"id":{{user}}}""", data.GetProperty("user").GetRawText());
        var number = await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.Number).SingleAsync());
        Assert.Equal(
            $$"""{"id":{{invoice.Id}},"status":"accepted","type":"sale","invoice_no":"{{number}}","issued_at":"{{now}}","totals":{"subtotal":100,"tax_total":20,"discount_total":0,"grand_total":120,"currency":"TRY"},"marketplace":"trendyol","order_no":"TY-ORDER-001","provider":"custom","provider_status":"accepted"}""",
            data.GetProperty("einvoice").GetRawText());

        using var created = JsonDocument.Parse(rows[0].Payload);
        var draft = created.RootElement.GetProperty("data").GetProperty("einvoice");
        Assert.Equal(("draft", JsonValueKind.Null, JsonValueKind.Null),
            (draft.GetProperty("status").GetString(), draft.GetProperty("issued_at").ValueKind, draft.GetProperty("provider_status").ValueKind));
    }

    [Fact]
    public async Task ReturnsAndCreditNotesRaiseTheirOwnEventAfterCreated()
    {
        var org = await OrganizationWithWebhooksAsync("İade Olay A.Ş.");
        var all = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, Nowhere, [EInvoiceEvents.Wildcard]);
        var returnsOnly = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, Nowhere, [EInvoiceEvents.ReturnCreated]);
        var service = app.Get<InvoiceService>();

        await service.CreateAsync(Sale(org, null) with { Type = InvoiceType.Return });
        await service.CreateAsync(Sale(org, null) with { Type = InvoiceType.CreditNote });

        Assert.Equal(
            [EInvoiceEvents.Created, EInvoiceEvents.ReturnCreated, EInvoiceEvents.Created, EInvoiceEvents.CreditNoteCreated],
            (await RowsAsync(all.Id)).Select(r => r.Event));
        var returned = Assert.Single(await RowsAsync(returnsOnly.Id));
        using var body = JsonDocument.Parse(returned.Payload);
        Assert.Equal(("return", JsonValueKind.Null), (body.RootElement.GetProperty("data").GetProperty("einvoice").GetProperty("type").GetString(),
            body.RootElement.GetProperty("data").GetProperty("user").GetProperty("id").ValueKind));
    }

    [Fact]
    public async Task ProviderStatusThroughTheApiMovesTheInvoiceAndAnnouncesIt()
    {
        var org = await OrganizationWithWebhooksAsync("Sağlayıcı Olay A.Ş.");
        var service = app.Get<InvoiceService>();
        var rejected = (await service.CreateAsync(Sale(org, null))).Id;
        await service.IssueAsync(rejected);
        await service.UpdateAsync(rejected, (i, now) => i.MarkSent(now));
        var cancelled = (await service.CreateAsync(Sale(org, null))).Id;
        await service.IssueAsync(cancelled);
        var endpoint = await app.Get<WebhookAdmin>().CreateEInvoiceAsync(org, Nowhere, [EInvoiceEvents.Wildcard]);
        var token = await app.NewTokenAsync(org, [TokenAbilities.EInvoicesRead, TokenAbilities.EInvoicesStatus]);
        using var http = app.ClientWith(token.Token);

        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync(http, rejected, "queued")).StatusCode);
        Assert.Empty(await RowsAsync(endpoint.Id));

        var response = await PostStatusAsync(http, rejected, "rejected");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rejected", (await EInvoiceApiFactory.JsonAsync(response)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync(http, cancelled, "cancelled")).StatusCode);

        var rows = await RowsAsync(endpoint.Id);
        Assert.Equal([(EInvoiceEvents.StatusChanged, $"invoice:{rejected}"), (EInvoiceEvents.Cancelled, $"invoice:{cancelled}")],
            rows.Select(r => (r.Event, r.AggregateKey)));
        using var body = JsonDocument.Parse(rows[1].Payload);
        var einvoice = body.RootElement.GetProperty("data").GetProperty("einvoice");
        Assert.Equal(("cancelled", "cancelled"), (einvoice.GetProperty("status").GetString(), einvoice.GetProperty("provider_status").GetString()));
        Assert.Equal(InvoiceStatus.Cancelled, await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == cancelled).Select(i => i.Status).SingleAsync()));
    }

    private Task<HttpResponseMessage> PostStatusAsync(HttpClient http, int invoiceId, string status) =>
        http.PostAsJsonAsync($"/api/v1/einvoices/{invoiceId}/provider-status", new { provider_status = status, provider_invoice_id = "PRV-" + invoiceId });

    private async Task<int> OrganizationWithWebhooksAsync(string name)
    {
        var org = await app.NewOrganizationAsync(name + " " + Guid.NewGuid().ToString("N")[..6]);
        await app.Get<ModuleSwitches>().SetAsync(org, ModuleNames.EInvoiceWebhooks, new DateOnly(2099, 12, 31));
        return org;
    }

    private static NewInvoice Sale(int org, int? user) => new(org, InvoiceType.Sale, Marketplace.Trendyol, "TY-ORDER-001", "Acme Ltd.", "billing@acme.test",
        "+905300000000", null, [new NewInvoiceItem("SKU-1", "Ürün 1", 1m, 100m, 20m)], UserId: user);

    private Task<List<WebhookDelivery>> RowsAsync(int subscriptionId) =>
        app.WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == subscriptionId).OrderBy(d => d.Id).ToListAsync());
}

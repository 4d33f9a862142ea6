using System.Net;
using System.Text;
using System.Text.Json;
using Destek.Core;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.EInvoiceApi;

/// <summary>GET /api/v1/einvoices/{id}, /{id}/pdf and POST /{id}/provider-status, as the document shows them.</summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceDetailApi(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>
{
    [Fact]
    public async Task DetailHasItemsByDefaultAndEventsWhenAsked()
    {
        var org = await app.NewOrganizationAsync("Detay A.Ş.");
        var id = await app.NewInvoiceAsync(org, items: [new("SKU-1", "Ürün 1", 1m, 100m, 20m), new("SKU-2", "Çay bardağı", 3m, 12.5m, 10m, 2.5m)]);
        using var http = app.ClientWith((await app.NewTokenAsync(org)).Token);

        var response = await http.GetAsync(new Uri($"/api/v1/einvoices/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(
            ["id", "invoice_no", "status", "type", "issued_at", "marketplace", "marketplace_order_no", "buyer", "totals", "pdf_url", "updated_at", "items"],
            body.EnumerateObject().Select(p => p.Name));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(["id", "sku", "name", "quantity", "unit_price", "vat_rate", "vat_amount", "discount_amount", "total"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("\"quantity\":1.0,\"unit_price\":100.0,\"vat_rate\":20.0,\"vat_amount\":20.0,\"discount_amount\":0.0,\"total\":120.0", text, StringComparison.Ordinal);
        Assert.Equal("Ürün 1", items[0].GetProperty("name").GetString());
        Assert.Equal("Çay bardağı", items[1].GetProperty("name").GetString());

        var bare = await EInvoiceApiFactory.JsonAsync(await http.GetAsync(new Uri($"/api/v1/einvoices/{id}?include_items=0", UriKind.Relative)));
        Assert.False(bare.TryGetProperty("items", out _));
        Assert.False(bare.TryGetProperty("events", out _));

        var full = await EInvoiceApiFactory.JsonAsync(await http.GetAsync(new Uri($"/api/v1/einvoices/{id}?include_items=1&include_events=1", UriKind.Relative)));
        var events = full.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.Equal(["id", "type", "payload", "created_at"], events[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("created", events[0].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Object, events[0].GetProperty("payload").ValueKind);
    }

    [Theory]
    [InlineData("include_items=yes", "include_items", "The include items field must be true or false.")]
    [InlineData("include_events=2", "include_events", "The include events field must be true or false.")]
    public async Task RefusesABadBooleanWith422(string query, string field, string message)
    {
        var org = await app.NewOrganizationAsync("Bool A.Ş.");
        var id = await app.NewInvoiceAsync(org);
        using var http = app.ClientWith((await app.NewTokenAsync(org)).Token);
        var response = await http.GetAsync(new Uri($"/api/v1/einvoices/{id}?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await EInvoiceApiFactory.JsonAsync(response);
        Assert.Equal(message, body.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/pdf")]
    public async Task AnotherOrganizationsInvoiceIsNotFound(string suffix)
    {
        var mine = await app.NewOrganizationAsync("Benim A.Ş.");
        var theirs = await app.NewOrganizationAsync("Onların A.Ş.");
        var foreign = await app.NewInvoiceAsync(theirs);
        using var http = app.ClientWith((await app.NewTokenAsync(mine)).Token);
        foreach (var path in new[] { $"/api/v1/einvoices/{foreign}{suffix}", $"/api/v1/einvoices/999999{suffix}", $"/api/v1/einvoices/abc{suffix}", $"/api/v1/einvoices/-1{suffix}" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await EInvoiceApiFactory.JsonAsync(response);
            Assert.Equal("Not Found.", body.GetProperty("message").GetString());
            Assert.Equal("not_found", body.GetProperty("code").GetString());
            Assert.True(body.GetProperty("requestId").GetString()!.Length > 0);
        }
    }

    [Fact]
    public async Task PdfIsServedFromDiskAnd404WhenAbsent()
    {
        var org = await app.NewOrganizationAsync("PDF A.Ş.");
        var id = await app.NewInvoiceAsync(org);
        using var http = app.ClientWith((await app.NewTokenAsync(org)).Token);
        var missing = await http.GetAsync(new Uri($"/api/v1/einvoices/{id}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Not Found.", (await EInvoiceApiFactory.JsonAsync(missing)).GetProperty("message").GetString());

        var ettn = (await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == id).Select(i => i.Ettn).SingleAsync())).ToString("D");
        var path = app.Get<DataDirectory>().Combine("invoices", ettn[..2], ettn + ".pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% test\n%%EOF\n");
        await File.WriteAllBytesAsync(path, pdf);

        var found = await http.GetAsync(new Uri($"/api/v1/einvoices/{id}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("application/pdf", found.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"einvoice-{id}.pdf", found.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(pdf, await found.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ProviderStatusUpdatesTheInvoiceAppendsAnEventAndReturnsIt()
    {
        var org = await app.NewOrganizationAsync("Sağlayıcı A.Ş.");
        var id = await app.NewInvoiceAsync(org, InvoiceStatus.Sent);
        using var http = app.ClientWith((await app.NewTokenAsync(org, [TokenAbilities.EInvoicesRead, TokenAbilities.EInvoicesStatus])).Token);

        var response = await PostAsync(http, id, """{"provider_status":"accepted","provider_invoice_id":"PRV-999","raw":{"provider_message":"OK"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EInvoiceApiFactory.JsonAsync(response);
        Assert.Equal(id, body.GetProperty("id").GetInt32());
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.True(body.TryGetProperty("items", out _));

        var stored = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(("accepted", "PRV-999"), (stored.ProviderStatus, stored.ProviderInvoiceId));
        var events = await EInvoiceApiFactory.JsonAsync(await http.GetAsync(new Uri($"/api/v1/einvoices/{id}?include_events=1", UriKind.Relative)));
        var last = events.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("type").GetString() == "provider_status_updated");
        var payload = last.GetProperty("payload");
        Assert.Equal("accepted", payload.GetProperty("provider_status").GetString());
        Assert.Equal("PRV-999", payload.GetProperty("provider_invoice_id").GetString());
        Assert.Equal("OK", payload.GetProperty("raw").GetProperty("provider_message").GetString());

        // A status the lifecycle does not know is recorded without moving the invoice; raw may be an array.
        var queued = await PostAsync(http, id, """{"provider_status":"in_review","raw":[1,2]}""");
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        var again = await EInvoiceApiFactory.JsonAsync(queued);
        Assert.Equal("accepted", again.GetProperty("status").GetString());
        Assert.Equal("in_review", (await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id))).ProviderStatus);
    }

    [Theory]
    [InlineData("{}", "provider_status", "The provider status field is required.")]
    [InlineData("""{"provider_status":"  "}""", "provider_status", "The provider status field is required.")]
    [InlineData("""{"provider_status":42}""", "provider_status", "The provider status field must be a string.")]
    [InlineData("""{"provider_status":"accepted","provider_invoice_id":7}""", "provider_invoice_id", "The provider invoice id field must be a string.")]
    [InlineData("""{"provider_status":"accepted","raw":"OK"}""", "raw", "The raw field must be an array.")]
    [InlineData("""{"provider_status":"accepted","raw":5}""", "raw", "The raw field must be an array.")]
    [InlineData("[1]", "body", "The request body must be a JSON object.")]
    public async Task ProviderStatusRefusesBadBodiesWith422(string json, string field, string message)
    {
        var org = await app.NewOrganizationAsync("Gövde A.Ş.");
        var id = await app.NewInvoiceAsync(org);
        using var http = app.ClientWith((await app.NewTokenAsync(org, [TokenAbilities.EInvoicesStatus])).Token);
        var response = await PostAsync(http, id, json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await EInvoiceApiFactory.JsonAsync(response);
        Assert.Equal(message, body.GetProperty("message").GetString());
        Assert.Equal([message], body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Null((await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id))).ProviderStatus);
    }

    [Fact]
    public async Task ProviderStatusRefusesLongValuesAndMalformedJson()
    {
        var org = await app.NewOrganizationAsync("Uzun A.Ş.");
        var id = await app.NewInvoiceAsync(org);
        using var http = app.ClientWith((await app.NewTokenAsync(org, [TokenAbilities.EInvoicesStatus])).Token);
        var longStatus = await EInvoiceApiFactory.JsonAsync(await PostAsync(http, id, $$"""{"provider_status":"{{new string('x', 51)}}"}"""));
        Assert.Equal("The provider status field must not be greater than 50 characters.", longStatus.GetProperty("errors").GetProperty("provider_status")[0].GetString());

        var malformed = await PostAsync(http, id, """{"provider_status": """);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("The request body is not valid JSON.", (await EInvoiceApiFactory.JsonAsync(malformed)).GetProperty("message").GetString());

        // Without a JSON body the field is simply missing, as the document's framework reads it.
        using var form = new StringContent("provider_status=accepted", Encoding.UTF8, "application/x-www-form-urlencoded");
        var notJson = await http.PostAsync(new Uri($"/api/v1/einvoices/{id}/provider-status", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson.StatusCode);
    }

    [Fact]
    public async Task ProviderStatusRepeatsTheFirstAnswerForTheSameIdempotencyKey()
    {
        var org = await app.NewOrganizationAsync("Tekrar A.Ş.");
        var id = await app.NewInvoiceAsync(org, InvoiceStatus.Sent);
        using var http = app.ClientWith((await app.NewTokenAsync(org, [TokenAbilities.EInvoicesStatus])).Token);
        var body = """{"provider_status":"rejected","provider_invoice_id":"PRV-1"}""";
        var first = await PostAsync(http, id, body, "key-1");
        var second = await PostAsync(http, id, body, "key-1");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var logged = await app.WithDbAsync(db => db.InvoiceEvents.CountAsync(e => e.InvoiceId == id && e.Type == "provider_status_updated"));
        Assert.Equal(1, logged);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, int id, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/einvoices/{id}/provider-status", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }
}

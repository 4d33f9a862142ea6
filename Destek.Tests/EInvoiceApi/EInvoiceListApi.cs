using System.Net;
using System.Text.Json;
using Destek.Core.Invoices;

namespace Destek.Tests.EInvoiceApi;

/// <summary>GET /api/v1/einvoices: the document's list shape, its filters, paging and its 422s.</summary>
[Trait("Category", "Integration")]
public sealed class EInvoiceListApi(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>
{
    [Fact]
    public async Task ListsTheOrganizationsInvoicesInTheDocumentsShape()
    {
        var org = await app.NewOrganizationAsync("Liste A.Ş.");
        var other = await app.NewOrganizationAsync("Başka Ltd.");
        var id = await app.NewInvoiceAsync(org);
        await app.NewInvoiceAsync(other);
        var token = await app.NewTokenAsync(org);
        using var http = app.ClientWith(token.Token);

        var response = await http.GetAsync(new Uri("/api/v1/einvoices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["data", "meta"], body.EnumerateObject().Select(p => p.Name));
        var row = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal(
            ["id", "invoice_no", "status", "type", "issued_at", "marketplace", "marketplace_order_no", "buyer", "totals", "pdf_url", "updated_at"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, row.GetProperty("id").GetInt32());
        Assert.Matches(@"^EA-\d{4}-\d{6}$", row.GetProperty("invoice_no").GetString());
        Assert.Equal("issued", row.GetProperty("status").GetString());
        Assert.Equal("sale", row.GetProperty("type").GetString());
        Assert.Equal("trendyol", row.GetProperty("marketplace").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row.GetProperty("issued_at").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row.GetProperty("updated_at").GetString());
        Assert.Equal(["name", "email", "phone"], row.GetProperty("buyer").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Acme Ltd.", row.GetProperty("buyer").GetProperty("name").GetString());
        Assert.Equal(["subtotal", "tax_total", "discount_total", "grand_total", "currency"], row.GetProperty("totals").EnumerateObject().Select(p => p.Name));
        // The document writes money as 100.0, not 100 or "100.00".
        Assert.Contains("\"totals\":{\"subtotal\":100.0,\"tax_total\":20.0,\"discount_total\":0.0,\"grand_total\":120.0,\"currency\":\"TRY\"}", text, StringComparison.Ordinal);
        Assert.Equal($"http://localhost/api/v1/einvoices/{id}/pdf", row.GetProperty("pdf_url").GetString());
        var meta = body.GetProperty("meta");
        Assert.Equal(["current_page", "per_page", "total", "last_page"], meta.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 20, 1, 1), (meta.GetProperty("current_page").GetInt32(), meta.GetProperty("per_page").GetInt32(), meta.GetProperty("total").GetInt32(), meta.GetProperty("last_page").GetInt32()));
        Assert.Equal("300", Assert.Single(response.Headers.GetValues("X-RateLimit-Limit")));
        Assert.Single(response.Headers.GetValues("X-Request-Id"));
    }

    [Fact]
    public async Task FiltersByStatusMarketplaceTypeAndUpdatedSince()
    {
        var org = await app.NewOrganizationAsync("Filtre A.Ş.");
        var sent = await app.NewInvoiceAsync(org, InvoiceStatus.Sent, marketplace: Marketplace.Hepsiburada);
        var draft = await app.NewInvoiceAsync(org, InvoiceStatus.Draft, marketplace: Marketplace.Amazon);
        var credit = await app.NewInvoiceAsync(org, InvoiceStatus.Issued, InvoiceType.CreditNote, Marketplace.N11);
        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var later = await app.NewInvoiceAsync(org, InvoiceStatus.Queued, marketplace: null);
        using var http = app.ClientWith((await app.NewTokenAsync(org)).Token);

        Assert.Equal([sent], await IdsAsync(http, "?status=sent"));
        Assert.Equal([draft], await IdsAsync(http, "?marketplace=amazon"));
        Assert.Equal([credit], await IdsAsync(http, "?type=credit_note"));
        Assert.Equal([credit], await IdsAsync(http, "?type=credit_note&marketplace=n11&status=issued"));
        Assert.Empty(await IdsAsync(http, "?type=credit_note&status=sent"));
        var since = Uri.EscapeDataString(before.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([later], await IdsAsync(http, "?updated_since=" + since));
        // Newest first.
        Assert.Equal([later, credit, draft, sent], await IdsAsync(http, ""));
    }

    [Fact]
    public async Task PagesWithPerPageAndPage()
    {
        var org = await app.NewOrganizationAsync("Sayfa A.Ş.");
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await app.NewInvoiceAsync(org));
        }

        using var http = app.ClientWith((await app.NewTokenAsync(org)).Token);
        var body = await EInvoiceApiFactory.JsonAsync(await http.GetAsync(new Uri("/api/v1/einvoices?per_page=2&page=2", UriKind.Relative)));
        Assert.Equal([ids[2], ids[1]], body.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        var meta = body.GetProperty("meta");
        Assert.Equal((2, 2, 5, 3), (meta.GetProperty("current_page").GetInt32(), meta.GetProperty("per_page").GetInt32(), meta.GetProperty("total").GetInt32(), meta.GetProperty("last_page").GetInt32()));

        var past = await EInvoiceApiFactory.JsonAsync(await http.GetAsync(new Uri("/api/v1/einvoices?per_page=2&page=9", UriKind.Relative)));
        Assert.Empty(past.GetProperty("data").EnumerateArray());
        Assert.Equal(9, past.GetProperty("meta").GetProperty("current_page").GetInt32());
    }

    [Theory]
    [InlineData("per_page=0", "per_page", "The per page field must be between 1 and 100.")]
    [InlineData("per_page=101", "per_page", "The per page field must be between 1 and 100.")]
    [InlineData("per_page=abc", "per_page", "The per page field must be an integer.")]
    [InlineData("page=0", "page", "The page field must be at least 1.")]
    [InlineData("page=1.5", "page", "The page field must be an integer.")]
    [InlineData("page=99999999999999", "page", "The page field must not be greater than 21474836.")]
    [InlineData("status=paid", "status", "The selected status is invalid.")]
    [InlineData("type=invoice", "type", "The selected type is invalid.")]
    [InlineData("marketplace=ebay", "marketplace", "The selected marketplace is invalid.")]
    [InlineData("updated_since=yesterday-ish", "updated_since", "The updated since field must be a valid date.")]
    [InlineData("status=sent&status=issued", "status", "The status field must be a string.")]
    public async Task RefusesBadQueryParametersWith422NamingTheField(string query, string field, string message)
    {
        var org = await app.NewOrganizationAsync("Doğrulama A.Ş.");
        using var http = app.ClientWith((await app.NewTokenAsync(org)).Token);
        var response = await http.GetAsync(new Uri("/api/v1/einvoices?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await EInvoiceApiFactory.JsonAsync(response);
        Assert.Equal(message, body.GetProperty("message").GetString());
        Assert.Equal([message], body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Request-Id")), body.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task SeveralBadParametersAreCountedInTheMessage()
    {
        var org = await app.NewOrganizationAsync("Çok Hata A.Ş.");
        using var http = app.ClientWith((await app.NewTokenAsync(org)).Token);
        var body = await EInvoiceApiFactory.JsonAsync(await http.GetAsync(new Uri("/api/v1/einvoices?status=x&per_page=0&page=-1", UriKind.Relative)));
        Assert.Equal("The selected status is invalid. (and 2 more errors)", body.GetProperty("message").GetString());
        Assert.Equal(["status", "per_page", "page"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    private static async Task<int[]> IdsAsync(HttpClient http, string query)
    {
        var response = await http.GetAsync(new Uri("/api/v1/einvoices" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EInvoiceApiFactory.JsonAsync(response);
        return body.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToArray();
    }
}

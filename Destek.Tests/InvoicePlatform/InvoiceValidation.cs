using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Destek.Tests.InvoicePlatform;

/// <summary>Every bad input is a 400 in seed-001's model naming its field; nothing is saved.</summary>
[Trait("Category", "Integration")]
public sealed class InvoiceValidation(InvoicePlatformFactory app) : IClassFixture<InvoicePlatformFactory>
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "customer", "remove", "" },
        { "customer.name", "remove", "" },
        { "customer.vkn", "remove", "" },
        { "customer.vkn", "set", "\"1234567891\"" },
        { "customer.vkn", "set", "12" },
        { "customer.tckn", "set", "\"10000000147\"" },
        { "customer.email", "set", "\"not-an-address\"" },
        { "customer.address", "remove", "" },
        { "items", "remove", "" },
        { "items", "set", "[]" },
        { "items[0].name", "set", "\"\"" },
        { "items[0].quantity", "set", "0" },
        { "items[0].quantity", "set", "\"2\"" },
        { "items[1].unit_price", "set", "-1" },
        { "items[0].vat_rate", "set", "150" },
        { "items[0].discount_amount", "set", "100000" },
        { "currency", "set", "\"USD\"" },
        { "currency", "remove", "" },
        { "marketplace", "set", "\"ebay\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NamesTheField(string field, string action, string value)
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        var body = JsonNode.Parse(InvoicePlatformFactory.Body())!.AsObject();
        var (parent, name) = Locate(body, field == "customer.tckn" ? "customer.vkn" : field);
        if (action == "remove" || field == "customer.tckn")
        {
            parent.Remove(name);
        }

        if (action == "set")
        {
            parent[field == "customer.tckn" ? "tckn" : name] = JsonNode.Parse(value);
        }

        var response = await InvoicePlatformFactory.CreateAsync(http, body.ToJsonString(), Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await InvoicePlatformFactory.JsonAsync(response);
        Assert.Equal("invalid_request", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("details").GetProperty("field").GetString());
        Assert.Contains(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("req_", error.GetProperty("requestId").GetString(), StringComparison.Ordinal);
        Assert.Equal(["code", "message", "requestId", "details"], error.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task MissingVknReadsAsTheDocumentsExample()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        var body = JsonNode.Parse(InvoicePlatformFactory.Body())!.AsObject();
        body["customer"]!.AsObject().Remove("vkn");

        var error = await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(http, body.ToJsonString(), "doc-example"));

        Assert.Equal("Missing required field: customer.vkn", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("[]", "body")]
    [InlineData("", "body")]
    public async Task UnreadableBodyNamesTheBody(string text, string field)
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));

        var response = await InvoicePlatformFactory.CreateAsync(http, text, Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await InvoicePlatformFactory.JsonAsync(response)).GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task ATcknBuyerIsAccepted()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        var body = JsonNode.Parse(InvoicePlatformFactory.Body())!.AsObject();
        body["customer"]!.AsObject().Remove("vkn");
        body["customer"]!["tckn"] = "10000000146";

        var response = await InvoicePlatformFactory.CreateAsync(http, body.ToJsonString(), "tckn");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var customer = (await InvoicePlatformFactory.JsonAsync(response)).GetProperty("customer");
        Assert.Equal("10000000146", customer.GetProperty("tckn").GetString());
    }

    [Fact]
    public async Task WrongKeyUnknownIdAndWrongMediaTypeAnswerInTheModel()
    {
        var org = await app.NewOrganizationAsync();
        using var anonymous = app.ClientWith("test_nope");
        var refused = await anonymous.GetAsync(new Uri("/v1/invoices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("unauthorized", (await InvoicePlatformFactory.JsonAsync(refused)).GetProperty("code").GetString());
        Assert.True(refused.Headers.Contains("X-RateLimit-Limit"));

        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        http.DefaultRequestHeaders.Add("X-Request-Id", "trace-123.abc");
        var missing = await http.GetAsync(new Uri("/v1/invoices/" + Guid.NewGuid(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await InvoicePlatformFactory.JsonAsync(missing);
        Assert.Equal("not_found", body.GetProperty("code").GetString());
        Assert.Equal("trace-123.abc", body.GetProperty("requestId").GetString());
        Assert.Equal("trace-123.abc", missing.Headers.GetValues("X-Request-Id").Single());

        var nowhere = await http.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Equal("not_found", (await InvoicePlatformFactory.JsonAsync(nowhere)).GetProperty("code").GetString());

        var method = await http.DeleteAsync(new Uri("/v1/invoices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Contains("POST", method.Content.Headers.Allow);

        using var form = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/invoices", UriKind.Relative))
        {
            Content = new StringContent(InvoicePlatformFactory.Body(), Encoding.UTF8, "text/plain"),
        };
        form.Headers.Add("X-Idempotency-Key", "media");
        var media = await http.SendAsync(form);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, media.StatusCode);
        Assert.Equal("Content-Type", (await InvoicePlatformFactory.JsonAsync(media)).GetProperty("details").GetProperty("field").GetString());
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject body, string field)
    {
        var parts = field.Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1])
        {
            node = Step(node, part);
        }

        var last = parts[^1];
        if (last.Contains('[', StringComparison.Ordinal))
        {
            // "items" itself is set/removed on the root.
            return (node.AsObject(), last);
        }

        return (node.AsObject(), last);
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[part]!;
        }

        var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[part[..bracket]]![index]!;
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Destek.Tests.Infrastructure;
using Microsoft.OpenApi;

namespace Destek.Tests.OpenApi;

/// <summary>The five served documents: they parse and validate, and each operation says its auth, errors and headers.</summary>
public sealed class OpenApiDocuments(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    public static TheoryData<string> Names => [.. OpenApiKit.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ParsesAndValidatesWithoutErrors(string name)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();

        var (document, diagnostic) = OpenApiDocument.Parse(text, "json");
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        var errors = document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet())?.Select(e => $"{e.Pointer}: {e.Message}").ToList() ?? [];
        Assert.Empty(errors);
        Assert.False(string.IsNullOrWhiteSpace(document.Info.Title));
        Assert.NotEmpty(document.Components!.SecuritySchemes!);
    }

    [Theory]
    [InlineData("external", 6)]
    [InlineData("support", 8)]
    [InlineData("customer", 5)]
    [InlineData("einvoice", 4)]
    public async Task DescribesEveryOperationWithAuthErrorsAndHeaders(string name, int operations)
    {
        var document = await OpenApiKit.DocumentAsync(app.CreateClient(), name);
        var errorSchema = $"#/components/schemas/{char.ToUpperInvariant(name[0])}{name[1..]}Error";
        var all = OpenApiKit.Operations(document).ToList();
        Assert.Equal(operations, all.Count);
        foreach (var (path, method, operation) in all)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), where + " has no summary");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["operationId"]), where + " has no operationId");
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            Assert.Contains("500", responses.Select(r => r.Key));
            foreach (var (status, answer) in responses)
            {
                Assert.True(answer!["headers"]?["X-Request-Id"] is not null, $"{where} {status} lacks X-Request-Id");
                Assert.True(answer["headers"]?["X-RateLimit-Remaining"] is not null, $"{where} {status} lacks X-RateLimit-Remaining");
                if (!status.StartsWith('2'))
                {
                    Assert.Equal(errorSchema, (string?)answer["content"]?["application/json"]?["schema"]?["$ref"]);
                    var example = answer["content"]!["application/json"]!["example"];
                    Assert.Empty(OpenApiKit.Validate(document, answer["content"]!["application/json"]!["schema"], example));
                    Assert.False(string.IsNullOrEmpty((string?)example!["requestId"]), $"{where} {status} example lacks requestId");
                }
            }

            Assert.True(responses["429"]?["headers"]?["Retry-After"] is not null, where + " 429 lacks Retry-After");
            var anonymous = name == "support" && method == "post" && path == "/api/support/tickets/";
            Assert.Equal(anonymous, operation["security"] is not JsonArray { Count: > 0 });
            if (method is "post" or "put" or "patch" or "delete")
            {
                Assert.Contains(operation["parameters"]!.AsArray(), p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header");
            }
        }
    }

    [Fact]
    public async Task UsesEachSurfacesOwnAuthScheme()
    {
        var http = app.CreateClient();
        var external = (await OpenApiKit.DocumentAsync(http, "external"))["components"]!["securitySchemes"]!;
        Assert.Equal(("apiKey", "header", "X-API-Key"), ((string?)external["ApiKey"]!["type"], (string?)external["ApiKey"]!["in"], (string?)external["ApiKey"]!["name"]));
        Assert.Equal("X-API-Secret", (string?)external["ApiSecret"]!["name"]);
        var einvoice = (await OpenApiKit.DocumentAsync(http, "einvoice"))["components"]!["securitySchemes"]!;
        Assert.Equal(("http", "bearer"), ((string?)einvoice["Bearer"]!["type"], (string?)einvoice["Bearer"]!["scheme"]));
        var customer = (await OpenApiKit.DocumentAsync(http, "customer"))["components"]!["securitySchemes"]!;
        Assert.Equal(("cookie", "destek.auth"), ((string?)customer["Cookie"]!["in"], (string?)customer["Cookie"]!["name"]));
        var invoices = (await OpenApiKit.DocumentAsync(http, "invoices"))["components"]!["securitySchemes"]!;
        Assert.Equal("X-Api-Key", (string?)invoices["ApiKey"]!["name"]);
    }

    [Fact]
    public async Task WritesTheSeedsFieldNamesAndTurkishExamples()
    {
        var document = await OpenApiKit.DocumentAsync(app.CreateClient(), "external");
        var ticket = document["components"]!["schemas"]!["ExternalTicket"]!["properties"]!.AsObject();
        Assert.Contains("external_ref", ticket.Select(p => p.Key));
        Assert.Contains("comments_count", ticket.Select(p => p.Key));
        Assert.Equal("integer", (string?)ticket["comments_count"]!["type"]);
        var create = document["paths"]!["/api/external/tickets"]!["post"]!;
        Assert.Equal("ERP Fatura Modülü Hatası", (string?)create["requestBody"]!["content"]!["application/json"]!["example"]!["title"]);
        var body = create["requestBody"]!["content"]!["application/json"]!["schema"]!;
        body = (string?)body["$ref"] is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]]! : body;
        Assert.Equal(["title", "description"], body["required"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["low", "medium", "high", "urgent"], body["properties"]!["priority"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("Talep oluşturma", (string?)create["summary"]);
    }
}

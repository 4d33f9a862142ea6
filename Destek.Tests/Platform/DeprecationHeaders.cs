using System.Net;
using System.Text.Json.Nodes;
using Destek.App.Platform;
using Destek.App.Platform.OpenApi;
using Destek.Tests.ExternalApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Destek.Tests.Platform;

/// <summary>
/// Deprecation (RFC 9745), Sunset (RFC 8594) and Link rel="deprecation" on answers of what is marked, never
/// elsewhere; the deliberately deprecated alias perPage of the external list answers like per_page.
/// </summary>
public sealed class DeprecationHeaders(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    private const string Since = "@1795392000"; // 2026-11-23T00:00:00Z
    private const string Sunset = "Tue, 01 Jun 2027 00:00:00 GMT";

    [Fact]
    public async Task OldPerPageSpellingAnswersAlikeWithTheHeaders()
    {
        var (_, http) = await app.NewClientAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await ExternalApiFactory.CreateTicketAsync(http, new { title = "Eski parametre " + i, description = "Sayfa boyutu denemesi." })).StatusCode);
        }

        var legacy = await http.GetAsync(new Uri("/api/external/tickets?perPage=2", UriKind.Relative));
        var current = await http.GetAsync(new Uri("/api/external/tickets?per_page=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await current.Content.ReadAsStringAsync()), JsonNode.Parse(await legacy.Content.ReadAsStringAsync())));
        Assert.Equal(2, (int)JsonNode.Parse(await legacy.Content.ReadAsStringAsync())!["per_page"]!);

        Assert.Equal(Since, Single(legacy, "Deprecation"));
        Assert.Equal(Sunset, Single(legacy, "Sunset"));
        var link = Single(legacy, "Link");
        Assert.Equal($"<{app.Address.ToString().TrimEnd('/')}/docs/changelog>; rel=\"deprecation\"; type=\"text/markdown\"", link);
        Assert.False(current.Headers.Contains("Deprecation"));
        Assert.False(current.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task RefusalsOfTheDeprecatedSpellingCarryTheHeadersToo()
    {
        var (_, http) = await app.NewClientAsync();
        var bad = await http.GetAsync(new Uri("/api/external/tickets?perPage=500", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal("perPage", (string?)body["field"]);
        Assert.Equal("invalid_request", (string?)body["code"]);
        Assert.Equal(Since, Single(bad, "Deprecation"));

        var anonymous = await app.HttpFor(null, null).GetAsync(new Uri("/api/external/tickets?perPage=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(Sunset, Single(anonymous, "Sunset"));
    }

    [Theory]
    [InlineData("/api/external/tickets")]
    [InlineData("/api/external/tickets/1")]
    [InlineData("/api/external/tickets/by-ref/perPage")]
    [InlineData("/api/user/support/tickets?perPage=2")]
    [InlineData("/api/v1/einvoices?perPage=2")]
    [InlineData("/health")]
    public async Task UnmarkedAnswersCarryNone(string path)
    {
        var (_, http) = await app.NewClientAsync();
        var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(response.Headers.Contains("Deprecation"), path);
        Assert.False(response.Headers.Contains("Sunset"), path);
        Assert.DoesNotContain(response.Headers.TryGetValues("Link", out var links) ? links : [], l => l.Contains("deprecation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDocumentMarksTheAliasDeprecated()
    {
        var document = await OpenApi.OpenApiKit.DocumentAsync(app.HttpFor(null, null), "external");
        var parameters = document["paths"]!["/api/external/tickets"]!["get"]!["parameters"]!.AsArray();
        Assert.True((bool?)parameters.Single(p => (string?)p!["name"] == "perPage")!["deprecated"]);
        Assert.Null(parameters.Single(p => (string?)p!["name"] == "per_page")!["deprecated"]);
    }

    [Fact]
    public async Task TheChangelogTheLinkPointsToIsServed()
    {
        var response = await app.HttpFor(null, null).GetAsync(new Uri("/docs/changelog", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/markdown", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("perPage", text, StringComparison.Ordinal);
        Assert.Contains(Sunset, text, StringComparison.Ordinal);
    }

    /// <summary>A whole route marked once: its answers carry the headers, a neighbour's do not, and its operation is deprecated: true.</summary>
    [Fact]
    public async Task AWholeRouteMarkedOnceIsDeprecatedInAnswersAndDocument()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddOpenApiDocuments();
        await using var host = builder.Build();
        host.UseDeprecationHeaders();
        host.MapGet("/v1/old", () => Results.Ok(new { ok = true })).WithGroupName(OpenApiSurfaces.Invoices).WithName("invoices.old")
            .Deprecated(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));
        host.MapGet("/v1/new", () => Results.Ok(new { ok = true })).WithGroupName(OpenApiSurfaces.Invoices).WithName("invoices.new");
        host.MapOpenApi(OpenApiDocuments.RoutePattern);
        await host.StartAsync();
        var http = host.GetTestClient();

        var old = await http.GetAsync(new Uri("/v1/old", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("@1767225600", Single(old, "Deprecation"));
        Assert.Equal("Wed, 01 Jul 2026 00:00:00 GMT", Single(old, "Sunset"));
        Assert.Contains("/docs/changelog>; rel=\"deprecation\"", Single(old, "Link"), StringComparison.Ordinal);
        Assert.False((await http.GetAsync(new Uri("/v1/new", UriKind.Relative))).Headers.Contains("Deprecation"));

        var document = await OpenApi.OpenApiKit.DocumentAsync(http, "invoices");
        Assert.True((bool?)document["paths"]!["/v1/old"]!["get"]!["deprecated"]);
        Assert.Null(document["paths"]!["/v1/new"]!["get"]!["deprecated"]);
        Assert.Equal("#/components/schemas/InvoicesError", (string?)document["paths"]!["/v1/new"]!["get"]!["responses"]!["401"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        await host.StopAsync();
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}

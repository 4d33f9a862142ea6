using System.Text.Json.Nodes;
using Destek.App.Platform.OpenApi;
using Destek.Tests.Infrastructure;

namespace Destek.Tests.OpenApi;

/// <summary>
/// docs/postman/ is written from the served documents. Stale files fail this test; to rewrite them run
/// <c>DESTEK_WRITE_POSTMAN=1 dotnet test Destek.Tests --filter FullyQualifiedName~PostmanFiles</c> and commit.
/// </summary>
public sealed class PostmanFiles(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    public const string RewriteVariable = "DESTEK_WRITE_POSTMAN";

    [Fact]
    public async Task MatchTheServedDocuments()
    {
        var http = app.CreateClient();
        var documents = new List<(string, JsonNode)>();
        foreach (var name in OpenApiKit.Names)
        {
            documents.Add((name, await OpenApiKit.DocumentAsync(http, name)));
        }

        var (collection, environment) = PostmanCollection.Write(documents);
        var folder = Path.Combine(OpenApiKit.RepositoryRoot(), "docs", "postman");
        var collectionPath = Path.Combine(folder, PostmanCollection.CollectionFile);
        var environmentPath = Path.Combine(folder, PostmanCollection.EnvironmentFile);
        if (Environment.GetEnvironmentVariable(RewriteVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(collectionPath, collection);
            await File.WriteAllTextAsync(environmentPath, environment);
        }

        const string how = $"docs/postman is stale: run {RewriteVariable}=1 dotnet test Destek.Tests --filter FullyQualifiedName~PostmanFiles and commit the files.";
        Assert.True(File.Exists(collectionPath) && await File.ReadAllTextAsync(collectionPath) == collection, how);
        Assert.True(File.Exists(environmentPath) && await File.ReadAllTextAsync(environmentPath) == environment, how);
    }

    [Fact]
    public async Task HoldEveryOperationWithItsExampleAndCredentials()
    {
        var http = app.CreateClient();
        var documents = new List<(string, JsonNode)>();
        foreach (var name in OpenApiKit.Names)
        {
            documents.Add((name, await OpenApiKit.DocumentAsync(http, name)));
        }

        var (collectionText, environmentText) = PostmanCollection.Write(documents);
        var collection = JsonNode.Parse(collectionText)!;
        Assert.Equal("https://schema.getpostman.com/json/collection/v2.1.0/collection.json", (string?)collection["info"]!["schema"]);
        var folders = collection["item"]!.AsArray();
        Assert.Equal(OpenApiKit.Names.Length, folders.Count);
        var operations = documents.Sum(d => OpenApiKit.Operations(d.Item2).Count());
        Assert.Equal(operations, folders.Sum(f => f!["item"]!.AsArray().Count));

        var create = folders[0]!["item"]!.AsArray().Single(i => (string?)i!["name"] == "Talep oluşturma")!["request"]!;
        Assert.Equal("POST", (string?)create["method"]);
        Assert.Equal("{{baseUrl}}/api/external/tickets", (string?)create["url"]!["raw"]);
        Assert.Contains(create["header"]!.AsArray(), h => (string?)h!["key"] == "X-API-Secret" && (string?)h["value"] == "{{external_ApiSecret}}");
        Assert.Contains("ERP Fatura Modülü Hatası", (string?)create["body"]!["raw"], StringComparison.Ordinal);

        var environment = JsonNode.Parse(environmentText)!;
        var keys = environment["values"]!.AsArray().Select(v => (string?)v!["key"]).ToList();
        Assert.Contains("baseUrl", keys);
        Assert.Contains("external_ApiKey", keys);
        Assert.Contains("einvoice_Bearer", keys);
        Assert.Contains("invoices_ApiKey", keys);
    }
}

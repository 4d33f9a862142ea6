using System.Text.Json;
using Destek.Core.Identity;

namespace Destek.Tests.ExternalApi;

/// <summary>The Python and Node.js clients printed in the external API's document, unchanged, against the app on a real port.</summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class ExternalApiDocumentClients(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    [Fact]
    public async Task ThePythonClientFromTheDocumentWorksUnchanged()
    {
        var (client, _) = await app.NewClientAsync("ERP Sistemi");
        var output = await ExternalApiFactory.RunClientAsync("/usr/bin/python3", "run_python_client.py",
            app.Address.ToString(), client.ApiKey, client.ApiSecret, "ERP-2026-000001");
        await AssertSessionAsync(JsonDocument.Parse(output).RootElement, "ERP-2026-000001", "medium", "[API - ERP Sistemi] Ek bilgi: Hata sabah 09:00 civarı oluştu.");
    }

    [Fact]
    public async Task TheNodeClientFromTheDocumentWorksUnchanged()
    {
        Assert.True(Directory.Exists(Path.Combine(ExternalApiFactory.ClientsDirectory, "node_modules", "axios")),
            "Run `npm ci` in Destek.Tests/clients (.ci/run does).");
        var (client, _) = await app.NewClientAsync("CRM Sistemi");
        var output = await ExternalApiFactory.RunClientAsync("node", "run_node_client.js",
            app.Address.ToString().TrimEnd('/'), client.ApiKey, client.ApiSecret, "CRM-2026-000001");
        await AssertSessionAsync(JsonDocument.Parse(output).RootElement, "CRM-2026-000001", "high", "[API - CRM Sistemi] Ek bilgi eklendi.");
    }

    private async Task AssertSessionAsync(JsonElement session, string externalRef, string priority, string commentContent)
    {
        var created = session.GetProperty("created");
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal(priority, created.GetProperty("priority").GetString());
        Assert.Equal(externalRef, created.GetProperty("external_ref").GetString());
        Assert.Equal(id, session.GetProperty("detail").GetProperty("id").GetInt32());
        Assert.Equal(id, session.GetProperty("by_ref").GetProperty("id").GetInt32());
        Assert.Equal(commentContent, session.GetProperty("comment").GetProperty("content").GetString());
        Assert.Equal("Sistem", session.GetProperty("comment").GetProperty("user_name").GetString());
        Assert.Equal(await app.Get<SystemUser>().IdAsync(), session.GetProperty("comment").GetProperty("user_id").GetInt32());
        Assert.Equal(commentContent, session.GetProperty("comments").EnumerateArray().Single().GetProperty("content").GetString());
        var list = session.GetProperty("list");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(10, list.GetProperty("per_page").GetInt32());
        Assert.Equal(id, list.GetProperty("tickets")[0].GetProperty("id").GetInt32());
        var missing = session.GetProperty("missing");
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(missing.GetProperty("body").GetProperty("detail").GetString()));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Destek.Core.ExternalApi;
using Destek.Core.Idempotency;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Platform;

[Trait("Category", "Integration")]
public sealed class IdempotencyKeysOnApis(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private async Task<HttpClient> ExternalClientAsync()
    {
        var created = await factory.Services.GetRequiredService<ApiClientAdmin>().CreateAsync($"ERP {Guid.NewGuid():N}"[..20], [], 1000);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", created.ApiKey);
        client.DefaultRequestHeaders.Add("X-API-Secret", created.ApiSecret);
        return client;
    }

    private static HttpRequestMessage Post(string key, object body, string header = "Idempotency-Key") =>
        new(HttpMethod.Post, "/api/external/tickets") { Content = JsonContent.Create(body), Headers = { { header, key } } };

    private Task<int> CountAsync(string title) => factory.WithDbAsync(db => db.Tickets.CountAsync(t => t.Title == title));

    [Theory]
    [InlineData("Idempotency-Key")]
    [InlineData("X-Idempotency-Key")]
    public async Task RepeatWithTheSameBodyReplaysTheFirstAnswerAndCreatesOnce(string header)
    {
        var client = await ExternalClientAsync();
        var title = $"Tekrar {Guid.NewGuid():N}";
        var body = new { title, description = "Ağ kesintisinde tekrar gönderildi." };
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Post(key, body, header));
        var second = await client.SendAsync(Post(key, body, header));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(title));
    }

    [Fact]
    public async Task SameKeyWithAnotherBodyIsRefusedWith422()
    {
        var client = await ExternalClientAsync();
        var key = Guid.NewGuid().ToString();
        var title = $"İlk {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(key, new { title, description = "a" }))).StatusCode);

        var other = await client.SendAsync(Post(key, new { title = title + " değişti", description = "b" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        using var json = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
        Assert.Contains("Idempotency-Key", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(0, await CountAsync(title + " değişti"));
    }

    [Fact]
    public async Task RepeatWhileTheFirstIsRunningGets409()
    {
        var client = await ExternalClientAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { title = "Yarış", description = "x" };
        var apiKey = client.DefaultRequestHeaders.GetValues("X-API-Key").Single();
        var scope = "client:" + await factory.Services.GetRequiredService<ApiClientAdmin>().IdOfKeyAsync(apiKey);
        var bodyHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));
        // The first request has begun (record without a response) and not finished yet.
        var begun = await factory.Services.GetRequiredService<IdempotencyStore>().BeginAsync(scope, key, "POST", "/api/external/tickets", bodyHash, default);
        Assert.Equal(IdempotencyOutcome.Started, begun.Outcome);

        var response = await client.SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("\"code\":\"conflict\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedCredentialsAreNotRemembered()
    {
        var good = await ExternalClientAsync();
        var bad = factory.CreateClient();
        bad.DefaultRequestHeaders.Add("X-API-Key", good.DefaultRequestHeaders.GetValues("X-API-Key").Single());
        bad.DefaultRequestHeaders.Add("X-API-Secret", "yanlis");
        var key = Guid.NewGuid().ToString();
        var body = new { title = $"Sonra doğru {Guid.NewGuid():N}", description = "x" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.SendAsync(Post(key, body))).StatusCode);
        var retried = await good.SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task KeysOlderThanADayAreForgotten()
    {
        var store = factory.Services.GetRequiredService<IdempotencyStore>();
        var begun = await store.BeginAsync("test:old", "anahtar", "POST", "/api/x", "AA", default);
        await store.CompleteAsync(begun.Record.Id, 201, "application/json", [], default);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"IdempotencyRecords\" SET \"CreatedAt\" = {DateTime.UtcNow.AddHours(-25)} WHERE \"Id\" = {begun.Record.Id}"));

        Assert.True(await store.PurgeExpiredAsync(default) >= 1);
        Assert.Equal(IdempotencyOutcome.Started, (await store.BeginAsync("test:old", "anahtar", "POST", "/api/x", "BB", default)).Outcome);
    }
}

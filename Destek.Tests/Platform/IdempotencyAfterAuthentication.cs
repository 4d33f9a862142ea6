using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Destek.Core.ExternalApi;
using Destek.Core.Idempotency;
using Destek.Tests.Infrastructure;
using Destek.Tests.SupportForm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Platform;

/// <summary>
/// Issue 7: a stored answer goes back only to the caller who is authenticated now, scoped by who
/// that caller is; a refused caller never reaches the idempotency store.
/// </summary>
public sealed class IdempotencyAfterAuthentication(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private const string TicketsPath = "/api/external/tickets";

    private ApiClientAdmin Admin => factory.Services.GetRequiredService<ApiClientAdmin>();

    private HttpClient Http(string? key, string? secret)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        if (secret is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Secret", secret);
        }

        return client;
    }

    private static HttpRequestMessage Post(string idempotencyKey, object body) =>
        new(HttpMethod.Post, TicketsPath) { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", idempotencyKey } } };

    private Task<int> StoredKeysAsync(string idempotencyKey) =>
        factory.WithDbAsync(db => db.Set<IdempotencyRecord>().CountAsync(r => r.Key == idempotencyKey));

    /// <summary>A client that created one ticket with an idempotency key; returns what the replay must not leak.</summary>
    private async Task<(CreatedApiClient Client, string Key, object Body, string FirstAnswer)> FirstCreateAsync()
    {
        var client = await Admin.CreateAsync("ERP " + Guid.NewGuid().ToString("N")[..8], [], 1000);
        var key = Guid.NewGuid().ToString();
        var body = new { title = "Gizli " + Guid.NewGuid().ToString("N"), description = "İlk istek." };
        var first = await Http(client.ApiKey, client.ApiSecret).SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        return (client, key, body, await first.Content.ReadAsStringAsync());
    }

    private static async Task AssertRefusedWithoutTheStoredAnswerAsync(HttpResponseMessage response, string firstAnswer)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(firstAnswer, text);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("unauthorized", json.RootElement.GetProperty("code").GetString());
        Assert.False(json.RootElement.TryGetProperty("id", out _), text);
        Assert.False(json.RootElement.TryGetProperty("title", out _), text);
    }

    [Fact]
    public async Task RefusesAReplayWithTheKeyAndAWrongSecret()
    {
        var (client, key, body, firstAnswer) = await FirstCreateAsync();
        var response = await Http(client.ApiKey, "yanlis-secret").SendAsync(Post(key, body));
        await AssertRefusedWithoutTheStoredAnswerAsync(response, firstAnswer);
    }

    [Fact]
    public async Task RefusesAReplayWithTheKeyOnly()
    {
        var (client, key, body, firstAnswer) = await FirstCreateAsync();
        var response = await Http(client.ApiKey, null).SendAsync(Post(key, body));
        await AssertRefusedWithoutTheStoredAnswerAsync(response, firstAnswer);
    }

    [Fact]
    public async Task RefusesAReplayWithTheSecretFromBeforeRotation()
    {
        var (client, key, body, firstAnswer) = await FirstCreateAsync();
        var rotated = await Admin.RotateSecretAsync(client.Id);
        await AssertRefusedWithoutTheStoredAnswerAsync(await Http(client.ApiKey, client.ApiSecret).SendAsync(Post(key, body)), firstAnswer);

        // The client itself, with its new secret, still gets its own answer back.
        var replay = await Http(client.ApiKey, rotated.ApiSecret).SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(firstAnswer, await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefusesAReplayToADisabledClient()
    {
        var (client, key, body, firstAnswer) = await FirstCreateAsync();
        await Admin.SetActiveAsync(client.Id, false);
        await AssertRefusedWithoutTheStoredAnswerAsync(await Http(client.ApiKey, client.ApiSecret).SendAsync(Post(key, body)), firstAnswer);
    }

    [Fact]
    public async Task RefusedCredentialsNeverTouchTheStore()
    {
        var client = await Admin.CreateAsync("ERP " + Guid.NewGuid().ToString("N")[..8], [], 1000);
        var key = Guid.NewGuid().ToString();
        var refused = await Http(client.ApiKey, "yanlis").SendAsync(Post(key, new { title = "t", description = "d" }));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, await StoredKeysAsync(key));
    }

    [Fact]
    public async Task AnotherClientWithTheSameKeyAndBodyGetsItsOwnAnswer()
    {
        var (_, key, body, firstAnswer) = await FirstCreateAsync();
        var other = await Admin.CreateAsync("CRM " + Guid.NewGuid().ToString("N")[..8], [], 1000);

        var response = await Http(other.ApiKey, other.ApiSecret).SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        using var mine = JsonDocument.Parse(firstAnswer);
        using var theirs = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEqual(mine.RootElement.GetProperty("id").GetInt32(), theirs.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(2, await StoredKeysAsync(key));
    }

    [Fact]
    public async Task AnonymousSupportFormCreatesAreScopedByClientAddress()
    {
        var key = Guid.NewGuid().ToString();
        using var first = SupportFormKit.ClientFromOwnIp(factory);
        using var second = SupportFormKit.ClientFromOwnIp(factory);
        HttpRequestMessage Create() => new(HttpMethod.Post, SupportFormKit.TicketsPath)
        {
            Content = new FormUrlEncodedContent(SupportFormKit.ValidFields()),
            Headers = { { "Idempotency-Key", key } },
        };

        var a = await first.SendAsync(Create());
        var again = await first.SendAsync(Create());
        var b = await second.SendAsync(Create());

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await a.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
        var numberA = (await SupportFormKit.JsonAsync(a)).GetProperty("data").GetProperty("ticket_number").GetString();
        var numberB = (await SupportFormKit.JsonAsync(b)).GetProperty("data").GetProperty("ticket_number").GetString();
        Assert.NotEqual(numberA, numberB);
    }

    [Fact]
    public async Task AnOversizeChunkedBodyWithAKeyIs413Json()
    {
        var client = await Admin.CreateAsync("ERP " + Guid.NewGuid().ToString("N")[..8], [], 1000);
        var request = new HttpRequestMessage(HttpMethod.Post, TicketsPath)
        {
            // Larger than any surface takes, with no Content-Length to refuse it by up front.
            Content = new StreamContent(new MemoryStream(new byte[17 * 1024 * 1024])),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await Http(client.ApiKey, client.ApiSecret).SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", json.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("requestId").GetString()));
        Assert.Contains("gövde", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

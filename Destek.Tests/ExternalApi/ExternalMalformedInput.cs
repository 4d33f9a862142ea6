using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.ExternalApi;

/// <summary>Issue 7: malformed input to the external API is a 4xx naming what is wrong, never a 500.</summary>
public sealed class ExternalMalformedInput(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    /// <summary>JSON bodies whose text cannot become .NET strings: an escaped lone surrogate, or bytes that are not UTF-8.</summary>
    public static TheoryData<string, byte[]> UnreadableText => new()
    {
        { "lone high surrogate in a value", Encoding.ASCII.GetBytes("""{"title":"a\ud800","description":"d","content":"x\ud800"}""") },
        { "lone low surrogate in a value", Encoding.ASCII.GetBytes("""{"title":"\udc00","description":"d","content":"\udc00"}""") },
        { "lone surrogate in a name", Encoding.ASCII.GetBytes("""{"\ud800":"x","title":"t","description":"d","content":"c"}""") },
        { "invalid UTF-8 in a value", [.. "{\"title\":\""u8, 0xC3, 0x28, .. "\",\"description\":\"d\",\"content\":\""u8, 0xFF, .. "\"}"u8] },
        { "invalid UTF-8 in a name", [.. "{\""u8, 0xFE, .. "\":1,\"title\":\"t\",\"description\":\"d\",\"content\":\"c\"}"u8] },
    };

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task AssertBadBodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal("body", json.RootElement.GetProperty("field").GetString());
        Assert.Equal("invalid_request", json.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("requestId").GetString()));
    }

    [Theory]
    [MemberData(nameof(UnreadableText))]
    public async Task CreateRefusesUnreadableTextNamingTheBody(string why, byte[] body)
    {
        Assert.NotEmpty(why);
        var (_, http) = await app.NewClientAsync();
        var before = await app.WithDbAsync(db => db.Tickets.CountAsync());
        await AssertBadBodyAsync(await http.PostAsync(new Uri("/api/external/tickets", UriKind.Relative), Json(body)));
        Assert.Equal(before, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(UnreadableText))]
    public async Task CommentsRefuseUnreadableTextNamingTheBody(string why, byte[] body)
    {
        Assert.NotEmpty(why);
        var (_, http) = await app.NewClientAsync();
        var id = (await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "Yorum", description = "d" }))).GetProperty("id").GetInt32();
        await AssertBadBodyAsync(await http.PostAsync(new Uri($"/api/external/tickets/{id}/comments", UriKind.Relative), Json(body)));
    }

    [Fact]
    public async Task AnEmptyByRefIs404Json()
    {
        var (_, http) = await app.NewClientAsync();
        var response = await http.GetAsync(new Uri("/api/external/tickets/by-ref/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = await ExternalApiFactory.JsonAsync(response);
        Assert.Equal("not_found", json.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("ERP/2026/000123", "ERP%2F2026%2F000123")]
    [InlineData("A/B", "A%2fB")]
    [InlineData("50% off/x", "50%25%20off%2Fx")]
    public async Task ByRefFindsAReferenceWithASlashSentEncoded(string externalRef, string encoded)
    {
        var (_, http) = await app.NewClientAsync();
        var created = await ExternalApiFactory.CreateTicketAsync(http, new { title = "Eğik çizgi", description = "d", external_ref = externalRef });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ExternalApiFactory.JsonAsync(created)).GetProperty("id").GetInt32();

        var response = await http.GetAsync(new Uri("/api/external/tickets/by-ref/" + encoded, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await ExternalApiFactory.JsonAsync(response);
        Assert.Equal(id, ticket.GetProperty("id").GetInt32());
        Assert.Equal(externalRef, ticket.GetProperty("external_ref").GetString());
    }

    [Fact]
    public async Task JsonWithACharsetParameterIsStillJson()
    {
        var (_, http) = await app.NewClientAsync();
        var response = await http.PostAsync(new Uri("/api/external/tickets", UriKind.Relative),
            new StringContent("""{"title":"Charset","description":"d"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("utf-8", response.RequestMessage!.Content!.Headers.ContentType!.CharSet);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/external/tickets", new { title = "x", description = "d" })).StatusCode);
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Destek.Core.ExternalApi;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Platform;

/// <summary>Issue 7: every path under /api answers its errors as JSON with code and requestId, never the HTML page or an empty body.</summary>
public sealed class ApiErrorsAsJson(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private async Task<HttpClient> ExternalClientAsync()
    {
        var created = await factory.Services.GetRequiredService<ApiClientAdmin>().CreateAsync("ERP " + Guid.NewGuid().ToString("N")[..8], [], 10_000);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", created.ApiKey);
        client.DefaultRequestHeaders.Add("X-API-Secret", created.ApiSecret);
        return client;
    }

    private static async Task<JsonElement> AssertJsonErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), json.RootElement.GetProperty("requestId").GetString());
        return json.RootElement.Clone();
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/support/nothing-here/")]
    [InlineData("/api/support/tickets/abc/")]
    [InlineData("/api/v9/whatever")]
    public async Task UnknownApiPathsAre404Json(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var json = await AssertJsonErrorAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain("Sayfa bulunamadı", json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownExternalPathsAre404InSeed000Shape()
    {
        using var client = await ExternalClientAsync();
        var json = await AssertJsonErrorAsync(await client.GetAsync(new Uri("/api/external/nothing-here", UriKind.Relative)), HttpStatusCode.NotFound, "not_found");
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("PUT", "/api/external/tickets", "GET", "POST")]
    [InlineData("DELETE", "/api/external/tickets/1/comments", "GET", "POST")]
    [InlineData("DELETE", "/api/support/tickets/", "GET", "POST")]
    [InlineData("POST", "/api/support/tickets/1/", "DELETE", "PUT")]
    public async Task WrongMethodsAre405JsonWithAllow(string method, string path, string allowed, string alsoAllowed)
    {
        using var client = await ExternalClientAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request);
        await AssertJsonErrorAsync(response, HttpStatusCode.MethodNotAllowed, "invalid_request");
        var allow = response.Content.Headers.Allow;
        Assert.Contains(allowed, allow);
        Assert.Contains(alsoAllowed, allow);
    }

    [Theory]
    [InlineData("text/plain", """{"title":"t","description":"d"}""")]
    [InlineData("application/x-www-form-urlencoded", "title=t&description=d")]
    [InlineData(null, """{"title":"t","description":"d"}""")]
    public async Task ExternalPostsWithoutJsonContentTypeAre415AndCreateNothing(string? contentType, string body)
    {
        using var client = await ExternalClientAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var created = await client.PostAsync(new Uri("/api/external/tickets", UriKind.Relative), content);
        var json = await AssertJsonErrorAsync(created, HttpStatusCode.UnsupportedMediaType, "invalid_request");
        Assert.Contains("application/json", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/external/tickets", UriKind.Relative)));
        Assert.Equal(0, list.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SupportCreateWithAnUnsupportedContentTypeIs415Json()
    {
        using var client = Destek.Tests.SupportForm.SupportFormKit.ClientFromOwnIp(factory);
        var response = await client.PostAsync(new Uri("/api/support/tickets/", UriKind.Relative), new StringContent("name=x", Encoding.UTF8, "text/plain"));
        await AssertJsonErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "invalid_request");
    }
}

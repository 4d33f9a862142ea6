using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Account;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.CustomerApi;

/// <summary>Customers signed in through /giris, calling /api/user with their session cookie as a browser's script would.</summary>
public static class CustomerApiKit
{
    public const string Tickets = "/api/user/support/tickets";

    /// <summary>A new confirmed customer (made as an admin would) and their signed-in browser.</summary>
    public static async Task<(int Id, string Email, Browser Browser)> NewCustomerAsync(DestekAppFactory factory)
    {
        var (id, email) = await AccountKit.NewUserAsync(factory, Roles.Customer);
        return (id, email, await AccountKit.SignedInAsync(factory, email));
    }

    public static Task<HttpResponseMessage> PostJsonAsync(Browser browser, string path, object body, string? idempotencyKey = null) =>
        PostRawAsync(browser, path, JsonSerializer.Serialize(body), "application/json", idempotencyKey);

    public static async Task<HttpResponseMessage> PostRawAsync(Browser browser, string path, string body, string contentType, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await browser.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(Browser browser, string path)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return browser.Client.GetAsync(new Uri(path, UriKind.Relative));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>The document's create example (seed-004, section 1).</summary>
    public static object Example(string subject = "PDF yükleme sorunu", string category = "teknik_sorun", string priority = "orta") =>
        new { subject, category, priority, message = "Detaylı sorun açıklaması..." };

    public static async Task<string> CreateAsync(Browser browser, object? body = null)
    {
        var response = await PostJsonAsync(browser, Tickets, body ?? Example());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("ticket").GetProperty("id").GetString()!;
    }

    public static Task<int> TicketIdAsync(DestekAppFactory factory, string publicId) =>
        factory.WithDbAsync(db => db.Tickets.Where(t => t.PublicId == Guid.Parse(publicId)).Select(t => t.Id).SingleAsync());

    /// <summary>The demo admin, as the desk's ticket rules see them.</summary>
    public static async Task<StaffMember> AdminAsync(DestekAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@destek.local").Select(u => u.Id).SingleAsync());
        return (await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(id))!;
    }

    /// <summary>Asserts the customer API document's error shape plus code and requestId; returns the body.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string code, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var body = await JsonAsync(response);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("requestId").GetString()));
        if (field is not null)
        {
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out var messages), $"errors should name {field}: {body}");
            Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        }

        return body;
    }
}

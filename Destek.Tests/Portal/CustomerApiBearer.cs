using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Destek.Core.Access;
using Destek.Core.Identity;
using Destek.Tests.Account;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.CustomerApi.CustomerApiKit;

namespace Destek.Tests.Portal;

/// <summary>
/// The customer API with <c>Authorization: Bearer</c> personal tokens a customer makes in the portal: a
/// customer's support:tickets token acts as them; staff tokens and e-invoice tokens are no customer (403);
/// expired, revoked and unknown tokens are 401; every refusal in the API's JSON error shape.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CustomerApiBearer(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private PersonalAccessTokenAdmin Tokens => app.Services.GetRequiredService<PersonalAccessTokenAdmin>();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, string? json = null)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<(int Id, string Token)> CustomerTokenAsync()
    {
        var (id, _) = await AccountKit.NewUserAsync(app, Roles.Customer);
        var created = await Tokens.CreateAsync(id, null, "Uygulamam", [TokenAbilities.SupportTickets], 30, []);
        return (id, created.Token);
    }

    [Fact]
    public async Task CustomerTokenCreatesListsAndReadsTheOwnersTickets()
    {
        var (customerId, token) = await CustomerTokenAsync();

        var created = await SendAsync(HttpMethod.Post, Tickets, token, """{"subject":"PDF yükleme sorunu","category":"teknik_sorun","priority":"orta","message":"Detaylı sorun açıklaması..."}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("ticket").GetProperty("id").GetString()!;
        Assert.Equal(customerId, await app.WithDbAsync(db => db.Tickets.Where(t => t.PublicId == Guid.Parse(id)).Select(t => t.CustomerId).SingleAsync()));

        var list = await JsonAsync(await SendAsync(HttpMethod.Get, Tickets, token));
        Assert.Equal(1, list.GetProperty("total_count").GetInt32());
        Assert.Equal(id, list.GetProperty("tickets")[0].GetProperty("id").GetString());

        var reply = await SendAsync(HttpMethod.Post, $"{Tickets}/{id}/reply", token, """{"message":"Ek bilgi"}""");
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var detail = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Tickets}/{id}", token));
        Assert.Equal(2, detail.GetProperty("message_count").GetInt32());
        Assert.True(created.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task AnotherCustomersTokenGetsNotFound()
    {
        var (_, owner) = await CustomerTokenAsync();
        var (_, other) = await CustomerTokenAsync();
        var created = await SendAsync(HttpMethod.Post, Tickets, owner, """{"subject":"Gizli","category":"teknik_sorun","message":"Yalnızca benim."}""");
        var id = (await JsonAsync(created)).GetProperty("ticket").GetProperty("id").GetString()!;

        await AssertErrorAsync(await SendAsync(HttpMethod.Get, $"{Tickets}/{id}", other), HttpStatusCode.NotFound, "not_found");
        await AssertErrorAsync(await SendAsync(HttpMethod.Post, $"{Tickets}/{id}/reply", other, """{"message":"merhaba"}"""), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await JsonAsync(await SendAsync(HttpMethod.Get, Tickets, other))).GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task StaffTokenIsNoCustomer()
    {
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@destek.local").Select(u => u.Id).SingleAsync());
        var staffToken = await Tokens.CreateAsync(adminId, null, "Personel", [TokenAbilities.SupportTickets], 30, []);

        var body = await AssertErrorAsync(await SendAsync(HttpMethod.Get, Tickets, staffToken.Token), HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("müşteri", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EInvoiceTokenOfACustomerIsNoCustomerToken()
    {
        var (id, _) = await AccountKit.NewUserAsync(app, Roles.Customer);
        var einvoice = await Tokens.CreateAsync(id, null, "E-fatura", [TokenAbilities.EInvoicesRead, TokenAbilities.EInvoicesStatus], 30, []);

        var body = await AssertErrorAsync(await SendAsync(HttpMethod.Get, Tickets, einvoice.Token), HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains(TokenAbilities.SupportTickets, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedTokenIsRefusedFromTheNextRequest()
    {
        var (_, token) = await CustomerTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, Tickets, token)).StatusCode);
        var tokenId = await app.WithDbAsync(db => db.Set<PersonalAccessToken>().Where(t => t.TokenHash == ApiClient.HashSecret(token)).Select(t => t.Id).SingleAsync());

        await Tokens.RevokeAsync(tokenId);

        await AssertErrorAsync(await SendAsync(HttpMethod.Get, Tickets, token), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthorized()
    {
        var (_, token) = await CustomerTokenAsync();
        var hash = ApiClient.HashSecret(token);
        await app.WithDbAsync(db => db.Set<PersonalAccessToken>().Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var body = await AssertErrorAsync(await SendAsync(HttpMethod.Get, Tickets, token), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("süresi dolmuş", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTokenIsUnauthorizedEvenBesideAValidCookie()
    {
        var (_, _, browser) = await NewCustomerAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Tickets, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dpat_" + new string('0', 64));

        await AssertErrorAsync(await browser.Client.SendAsync(request), HttpStatusCode.Unauthorized, "unauthorized");
    }
}

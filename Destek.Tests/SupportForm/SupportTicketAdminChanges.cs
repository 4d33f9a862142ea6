using System.Net;
using System.Text;
using System.Text.Json;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>
/// the support form document's admin-only PUT, PATCH and DELETE /api/support/tickets/{id}/ (its ModelViewSet with
/// IsAdminUser), and where the support API follows its document: resolved_at, a page past the end,
/// unreadable JSON text.
/// </summary>
public sealed class SupportTicketAdminChanges(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    private static string Body(object value) => JsonSerializer.Serialize(value);

    private async Task<int> NewTicketIdAsync() => (await TicketAsync(factory, await CreateTicketAsync(factory))).Id;

    private Task<Ticket?> FindAsync(int id) => factory.WithDbAsync(db => db.Tickets.Include(t => t.Category).SingleOrDefaultAsync(t => t.Id == id));

    [Fact]
    public async Task PatchChangesOnlyWhatItSendsAndAnswersTheListSerializer()
    {
        var id = await NewTicketIdAsync();
        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync());

        var response = await SendAsync(admin, "PATCH", $"/api/support/tickets/{id}/",
            Body(new { phone = "0532 000 11 22", status = "in_progress", assigned_to = adminId, ticket_number = "SUP-1999-000001" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.Equal("0532 000 11 22", json.GetProperty("phone").GetString());
        Assert.Equal("in_progress", json.GetProperty("status").GetString());
        Assert.Equal(adminId, json.GetProperty("assigned_to").GetInt32());
        Assert.Equal("Ahmet Yılmaz", json.GetProperty("name").GetString());
        Assert.StartsWith("SUP-", json.GetProperty("ticket_number").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("SUP-1999-000001", json.GetProperty("ticket_number").GetString());
        var ticket = (await FindAsync(id))!;
        Assert.Equal("0532 000 11 22", ticket.RequesterPhone);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(adminId, ticket.AssigneeId);
        Assert.Equal("Siparişim henüz gelmedi, durumunu kontrol edebilir misiniz?", ticket.Description);
    }

    [Fact]
    public async Task PutReplacesTheRequestersFieldsAndNeedsEveryRequiredOne()
    {
        var id = await NewTicketIdAsync();
        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);

        var incomplete = await SendAsync(admin, "PUT", $"/api/support/tickets/{id}/", Body(new { name = "Ayşe Kaya" }));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = await JsonAsync(incomplete);
        Assert.Equal("Bu alan zorunludur.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("Bu alan zorunludur.", errors.GetProperty("subject")[0].GetString());
        Assert.Equal("Bu alan zorunludur.", errors.GetProperty("message")[0].GetString());
        Assert.Equal("invalid_request", errors.GetProperty("code").GetString());
        Assert.Equal("Ahmet Yılmaz", (await FindAsync(id))!.RequesterName);

        var put = await SendAsync(admin, "PUT", $"/api/support/tickets/{id}/", Body(new
        {
            name = "  Ayşe   Kaya ",
            email = "AYSE@Example.com",
            subject = "Ödeme Sorunu",
            message = "Kartımdan iki kez çekim yapıldı, iade bekliyorum.",
        }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var json = await JsonAsync(put);
        Assert.Equal("Ayşe Kaya", json.GetProperty("name").GetString());
        Assert.Equal("ayse@example.com", json.GetProperty("email").GetString());
        Assert.Equal("Ödeme Sorunu", json.GetProperty("subject").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("phone").ValueKind);
        var ticket = (await FindAsync(id))!;
        Assert.Equal("Ödeme Sorunu", ticket.Category!.Name);
        Assert.Equal("Kartımdan iki kez çekim yapıldı, iade bekliyorum.", ticket.Description);
    }

    [Fact]
    public async Task RefusesBadValuesWithTheCreateMessagesAndSavesNothing()
    {
        var id = await NewTicketIdAsync();
        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var response = await SendAsync(admin, "PATCH", $"/api/support/tickets/{id}/",
            Body(new { name = "Ali 2", email = "ali@", phone = "123", subject = "Yok Böyle Konu", message = "kısa", status = "waiting", assigned_to = "abc" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await JsonAsync(response);
        Assert.Equal("Ad soyad sadece harf içerebilir.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Geçerli bir e-posta adresi girin.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("Geçerli bir telefon numarası girin.", errors.GetProperty("phone")[0].GetString());
        Assert.Equal("Geçerli bir konu seçin.", errors.GetProperty("subject")[0].GetString());
        Assert.Equal("Mesaj en az 10 karakter olmalıdır.", errors.GetProperty("message")[0].GetString());
        Assert.Contains("waiting", errors.GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, errors.GetProperty("assigned_to").ValueKind);
        var ticket = (await FindAsync(id))!;
        Assert.Equal("Ahmet Yılmaz", ticket.RequesterName);
        Assert.Equal(TicketStatus.Open, ticket.Status);

        var unknownUser = await SendAsync(admin, "PATCH", $"/api/support/tickets/{id}/", Body(new { assigned_to = 987654 }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Contains("987654", (await JsonAsync(unknownUser)).GetProperty("assigned_to")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteRemovesTheTicketAndItsFiles()
    {
        using var visitor = ClientFromOwnIp(factory);
        var created = await PostMultipartAsync(visitor, ValidFields(), "ek.pdf", "application/pdf", Pdf());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = await TicketAsync(factory, (await JsonAsync(created)).GetProperty("data").GetProperty("ticket_number").GetString()!);
        var file = Path.Combine(factory.DataDirectory, "attachments", ticket.Attachments.Single().StoragePath);
        Assert.True(File.Exists(file));

        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var response = await SendAsync(admin, "DELETE", $"/api/support/tickets/{ticket.Id}/");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await FindAsync(ticket.Id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.TicketAttachments.CountAsync(a => a.TicketId == ticket.Id)));
        Assert.False(File.Exists(file));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, "DELETE", $"/api/support/tickets/{ticket.Id}/")).StatusCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task AgentsAre403AndAnonymousCallers401(string method)
    {
        var id = await NewTicketIdAsync();
        var body = method == "DELETE" ? null : Body(new { name = "Değişti Adı", email = "x@example.com", subject = "Diğer", message = "Yeterince uzun bir mesaj." });
        using var agent = await SignedInClientAsync(factory, DemoSeeder.AgentEmail);
        var refused = await SendAsync(agent, method, $"/api/support/tickets/{id}/", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("forbidden", (await JsonAsync(refused)).GetProperty("code").GetString());

        using var anonymous = ClientFromOwnIp(factory);
        var anonymousAnswer = await SendAsync(anonymous, method, $"/api/support/tickets/{id}/", body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.StatusCode);
        Assert.Equal("unauthorized", (await JsonAsync(anonymousAnswer)).GetProperty("code").GetString());

        var ticket = (await FindAsync(id))!;
        Assert.Equal("Ahmet Yılmaz", ticket.RequesterName);
    }

    [Fact]
    public async Task ClosingAResolvedTicketClearsResolvedAt()
    {
        var id = await NewTicketIdAsync();
        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var resolved = await JsonAsync(await SendAsync(admin, "PATCH", $"/api/support/tickets/{id}/update_status/", Body(new { status = "resolved" })));
        Assert.Equal(JsonValueKind.String, resolved.GetProperty("data").GetProperty("resolved_at").ValueKind);

        var closed = await JsonAsync(await SendAsync(admin, "PATCH", $"/api/support/tickets/{id}/update_status/", Body(new { status = "closed" })));
        Assert.Equal("closed", closed.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("data").GetProperty("resolved_at").ValueKind);
        var detail = await JsonAsync(await admin.GetAsync(new Uri($"/api/support/tickets/{id}/", UriKind.Relative)));
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("resolved_at").ValueKind);
    }

    [Fact]
    public async Task APagePastTheEndIs404InvalidPage()
    {
        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var response = await admin.GetAsync(new Uri("/api/support/tickets/?page=9999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("Geçersiz sayfa.", json.GetProperty("detail").GetString());
        Assert.Equal("not_found", json.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("requestId").GetString()));
    }

    [Theory]
    [InlineData("""{"name":"Ahmet \ud800","email":"a@example.com","subject":"Diğer","message":"Yeterince uzun bir mesaj."}""")]
    [InlineData("""{"\udc00":"x","name":"Ahmet","email":"a@example.com","subject":"Diğer","message":"Yeterince uzun bir mesaj."}""")]
    public async Task CreateRefusesALoneSurrogateNamingTheBody(string body)
    {
        using var client = ClientFromOwnIp(factory);
        var before = await TicketCountAsync(factory);
        var response = await client.PostAsync(new Uri(TicketsPath, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Contains("gövde", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request", json.GetProperty("code").GetString());
        Assert.Equal(before, await TicketCountAsync(factory));
    }

    [Fact]
    public async Task CreateRefusesInvalidUtf8NamingTheBody()
    {
        using var client = ClientFromOwnIp(factory);
        byte[] bytes = [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\",\"email\":\"a@example.com\",\"subject\":\"Diğer\",\"message\":\"Yeterince uzun bir mesaj.\"}"u8];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync(new Uri(TicketsPath, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await JsonAsync(response)).GetProperty("code").GetString());
    }
}

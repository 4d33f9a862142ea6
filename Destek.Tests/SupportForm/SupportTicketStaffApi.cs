using System.Net;
using Destek.Core.Data;
using Destek.Core.Organization;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>The support form document's staff endpoints: list, retrieve, update_status, assign.</summary>
[Trait("Category", "Integration")]
public sealed class SupportTicketStaffApi(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private static readonly string[] SerializerFields =
    [
        "id", "ticket_number", "name", "email", "phone", "subject", "message", "status", "user", "user_email",
        "assigned_to", "assigned_to_email", "attachment", "attachment_name", "notes", "created_at", "updated_at", "resolved_at",
    ];

    public static TheoryData<string, string> StaffEndpoints => new()
    {
        { "GET", "/api/support/tickets/" },
        { "GET", "/api/support/tickets/1/" },
        { "PATCH", "/api/support/tickets/1/update_status/" },
        { "PATCH", "/api/support/tickets/1/assign/" },
    };

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public async Task RefusesAnonymousCallersWith401(string method, string path)
    {
        using var client = ClientFromOwnIp(factory);
        var response = await SendAsync(client, method, path, new { status = "closed", assigned_to = 1 });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("unauthorized", json.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("requestId").GetString()));
        Assert.True(json.TryGetProperty("detail", out _));
    }

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public async Task RefusesCustomersWith403(string method, string path)
    {
        using var client = await SignedInClientAsync(factory, DemoSeeder.CustomerEmail);
        var before = await factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == 1).Select(t => new { t.Status, t.AssigneeId }).SingleAsync());
        var response = await SendAsync(client, method, path, new { status = "closed", assigned_to = (int?)null });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await JsonAsync(response)).GetProperty("code").GetString());
        var after = await factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == 1).Select(t => new { t.Status, t.AssigneeId }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task CountsStaffCallsPerUserWithRateLimitHeaders()
    {
        using var client = await SignedInClientAsync(factory, DemoSeeder.Agent2Email);
        var first = await client.GetAsync(new Uri("/api/support/tickets/?page_size=1", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/api/support/tickets/?page_size=1", UriKind.Relative));
        Assert.Equal("600", first.Headers.GetValues("X-RateLimit-Limit").Single());
        var before = int.Parse(first.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var after = int.Parse(second.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var sameWindow = first.Headers.GetValues("X-RateLimit-Reset").Single() == second.Headers.GetValues("X-RateLimit-Reset").Single();
        Assert.True(!sameWindow || after < before, $"{after} should be below {before} within one window");
    }

    [Fact]
    public async Task ListsInDrfPagesWithTheListSerializersFields()
    {
        using var client = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var total = await factory.WithDbAsync(db => db.Tickets.CountAsync());
        var first = await JsonAsync(await client.GetAsync(new Uri("/api/support/tickets/?page_size=5", UriKind.Relative)));
        Assert.Equal(["count", "next", "previous", "results"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(total, first.GetProperty("count").GetInt32());
        Assert.Equal(5, first.GetProperty("results").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        var next = new Uri(first.GetProperty("next").GetString()!);
        Assert.Contains("page=2", next.Query, StringComparison.Ordinal);
        Assert.Contains("page_size=5", next.Query, StringComparison.Ordinal);
        Assert.Equal(SerializerFields, first.GetProperty("results")[0].EnumerateObject().Select(p => p.Name));

        var second = await JsonAsync(await client.GetAsync(new Uri(next.PathAndQuery, UriKind.Relative)));
        Assert.NotEqual(first.GetProperty("results")[0].GetProperty("id").GetInt32(), second.GetProperty("results")[0].GetProperty("id").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, second.GetProperty("previous").ValueKind);

        var newestFirst = first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("created_at").GetString()!).ToList();
        Assert.Equal(newestFirst.OrderByDescending(c => DateTime.Parse(c, System.Globalization.CultureInfo.InvariantCulture)), newestFirst);
    }

    [Fact]
    public async Task FiltersBySeedStatusSubjectAssigneeDateAndSearch()
    {
        var number = await CreateTicketAsync(factory, new Dictionary<string, string>(ValidFields("Filtre Deneyen")) { ["subject"] = "Hesap Sorunu", ["phone"] = "0532 999 88 77" });
        using var client = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);

        async Task<List<JsonElement>> Results(string query)
        {
            var response = await client.GetAsync(new Uri("/api/support/tickets/?page_size=100&" + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await JsonAsync(response)).GetProperty("results").EnumerateArray().ToList();
        }

        var pending = await Results("status=pending");
        Assert.NotEmpty(pending);
        Assert.All(pending, r => Assert.Equal("pending", r.GetProperty("status").GetString()));
        Assert.All(await Results("status=closed"), r => Assert.Equal("closed", r.GetProperty("status").GetString()));

        var subject = await Results("subject=" + Uri.EscapeDataString("Hesap Sorunu"));
        Assert.NotEmpty(subject);
        Assert.All(subject, r => Assert.Equal("Hesap Sorunu", r.GetProperty("subject").GetString()));

        var agentId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AgentEmail).Select(u => u.Id).SingleAsync());
        var assigned = await Results($"assigned_to={agentId}");
        Assert.NotEmpty(assigned);
        Assert.All(assigned, r => Assert.Equal(agentId, r.GetProperty("assigned_to").GetInt32()));

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(await Results($"created_at__gte={today}&created_at__lte={today}"), r => r.GetProperty("ticket_number").GetString() == number);
        Assert.DoesNotContain(await Results("created_at__lte=2000-01-01"), r => r.GetProperty("ticket_number").GetString() == number);

        Assert.Equal(number, Assert.Single(await Results("search=Filtre+Deneyen")).GetProperty("ticket_number").GetString());
        Assert.Equal(number, Assert.Single(await Results("search=999+88+77")).GetProperty("ticket_number").GetString());
        Assert.Equal(number, Assert.Single(await Results("search=" + number)).GetProperty("ticket_number").GetString());
    }

    [Theory]
    [InlineData("status=waiting", "status")]
    [InlineData("assigned_to=abc", "assigned_to")]
    [InlineData("created_at__gte=dün", "created_at__gte")]
    [InlineData("page=0", "page")]
    [InlineData("page_size=1000", "page_size")]
    public async Task RefusesBadListParametersNamingThem(string query, string field)
    {
        using var client = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var response = await client.GetAsync(new Uri("/api/support/tickets/?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(JsonValueKind.Array, json.GetProperty(field).ValueKind);
        Assert.Equal("invalid_request", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RetrievesATicketWithEverySerializerField()
    {
        var number = await CreateWithAttachmentAsync();
        var id = (await TicketAsync(factory, number)).Id;
        var service = factory.Services.GetRequiredService<TicketService>();
        var admin = (await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(await UserIdAsync(DemoSeeder.AdminEmail)))!;
        await service.AddNoteAsync(id, "Müşteri VIP, öncelik verin.", Actor.Staff(admin));

        using var client = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var response = await client.GetAsync(new Uri($"/api/support/tickets/{id}/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(SerializerFields, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.Equal(number, json.GetProperty("ticket_number").GetString());
        Assert.Equal("Ahmet Yılmaz", json.GetProperty("name").GetString());
        Assert.Equal("ahmet@example.com", json.GetProperty("email").GetString());
        Assert.Equal("+90 555 123 45 67", json.GetProperty("phone").GetString());
        Assert.Equal("Sipariş Sorunu", json.GetProperty("subject").GetString());
        Assert.Equal("pending", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("user").ValueKind);
        Assert.Equal("ek.pdf", json.GetProperty("attachment_name").GetString());
        Assert.EndsWith("/masa/ekler/" + (await TicketAsync(factory, number)).Attachments.Single().Id, json.GetProperty("attachment").GetString(), StringComparison.Ordinal);
        Assert.Equal("Müşteri VIP, öncelik verin.", json.GetProperty("notes").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("resolved_at").ValueKind);
        Assert.EndsWith("Z", json.GetProperty("updated_at").GetString(), StringComparison.Ordinal);

        var missing = await client.GetAsync(new Uri("/api/support/tickets/999999/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Bulunamadı.", (await JsonAsync(missing)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UpdatesStatusThroughTheTicketRulesWithTheSeedsShapes()
    {
        var id = (await TicketAsync(factory, await CreateTicketAsync(factory))).Id;
        using var client = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);

        var invalid = await SendAsync(client, "PATCH", $"/api/support/tickets/{id}/update_status/", new { status = "waiting" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var error = await JsonAsync(invalid);
        Assert.Equal("error", error.GetProperty("status").GetString());
        Assert.Equal("Geçersiz durum", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request", error.GetProperty("code").GetString());

        var resolved = await SendAsync(client, "PATCH", $"/api/support/tickets/{id}/update_status/", new { status = "resolved" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var json = await JsonAsync(resolved);
        Assert.Equal("success", json.GetProperty("status").GetString());
        Assert.Equal("Ticket durumu güncellendi", json.GetProperty("message").GetString());
        Assert.Equal("resolved", json.GetProperty("data").GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, json.GetProperty("data").GetProperty("resolved_at").ValueKind);
        Assert.Equal(SerializerFields, json.GetProperty("data").EnumerateObject().Select(p => p.Name));

        // Form-encoded too (the seed's FormParser), and history is recorded by the ticket itself.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "in_progress" });
        var reopened = await client.PatchAsync(new Uri($"/api/support/tickets/{id}/update_status", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(reopened)).GetProperty("data").GetProperty("resolved_at").ValueKind);
        var history = await factory.WithDbAsync(db => db.TicketHistory.Where(h => h.TicketId == id && h.Field == HistoryField.Status).CountAsync());
        Assert.Equal(2, history);
    }

    [Fact]
    public async Task AssignsAndUnassignsWithTheSeedsShapes()
    {
        var id = (await TicketAsync(factory, await CreateTicketAsync(factory))).Id;
        var agentId = await UserIdAsync(DemoSeeder.AgentEmail);
        var customerId = await UserIdAsync(DemoSeeder.CustomerEmail);
        using var client = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);

        var assigned = await SendAsync(client, "PATCH", $"/api/support/tickets/{id}/assign/", new { assigned_to = agentId });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var json = await JsonAsync(assigned);
        Assert.Equal("success", json.GetProperty("status").GetString());
        Assert.Equal("Ticket atandı", json.GetProperty("message").GetString());
        Assert.Equal(agentId, json.GetProperty("data").GetProperty("assigned_to").GetInt32());
        Assert.Equal(DemoSeeder.AgentEmail, json.GetProperty("data").GetProperty("assigned_to_email").GetString());

        foreach (var nobody in new object[] { new { assigned_to = 999999 }, new { assigned_to = customerId } })
        {
            var unknown = await SendAsync(client, "PATCH", $"/api/support/tickets/{id}/assign/", nobody);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            var error = await JsonAsync(unknown);
            Assert.Equal("error", error.GetProperty("status").GetString());
            Assert.Equal("Kullanıcı bulunamadı", error.GetProperty("message").GetString());
            Assert.Equal("not_found", error.GetProperty("code").GetString());
        }

        var bad = await SendAsync(client, "PATCH", $"/api/support/tickets/{id}/assign/", new { assigned_to = "beş" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var unassigned = await SendAsync(client, "PATCH", $"/api/support/tickets/{id}/assign/", new { assigned_to = (int?)null });
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(unassigned)).GetProperty("data").GetProperty("assigned_to").ValueKind);
        Assert.Null((await TicketAsync(factory, (await TicketNumberAsync(id)))).AssigneeId);
    }

    [Fact]
    public async Task AgentsReachOnlyTheirDepartmentsTickets()
    {
        // agent2 works in Müşteri Hizmetleri and Muhasebe; Bilgi İşlem's tickets are not theirs.
        var itTicket = await factory.WithDbAsync(db => db.Tickets.Where(t => t.Department!.Name == "Bilgi İşlem").Select(t => new { t.Id, t.Status }).FirstAsync());
        using var agent2 = await SignedInClientAsync(factory, DemoSeeder.Agent2Email);
        Assert.Equal(HttpStatusCode.NotFound, (await agent2.GetAsync(new Uri($"/api/support/tickets/{itTicket.Id}/", UriKind.Relative))).StatusCode);
        var patch = await SendAsync(agent2, "PATCH", $"/api/support/tickets/{itTicket.Id}/update_status/", new { status = "closed" });
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(itTicket.Status, await factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == itTicket.Id).Select(t => t.Status).SingleAsync()));

        var list = await JsonAsync(await agent2.GetAsync(new Uri("/api/support/tickets/?page_size=100", UriKind.Relative)));
        var visible = await factory.WithDbAsync(db => db.Tickets.CountAsync(t => t.Department!.Name != "Bilgi İşlem"));
        Assert.Equal(visible, list.GetProperty("count").GetInt32());

        // An agent cannot hand a ticket to someone outside its department: the ticket's rule answers.
        var own = (await TicketAsync(factory, await CreateTicketAsync(factory))).Id;
        var itOnlyAgent = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AgentEmail).Select(u => u.Id).SingleAsync());
        var muhasebe = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == "Muhasebe").Select(d => d.Id).SingleAsync());
        var admin = (await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(await UserIdAsync(DemoSeeder.AdminEmail)))!;
        await factory.Services.GetRequiredService<TicketService>().MoveToDepartmentAsync(own, muhasebe, Actor.Staff(admin));
        var refused = await SendAsync(agent2, "PATCH", $"/api/support/tickets/{own}/assign/", new { assigned_to = itOnlyAgent });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("departmanında çalışmıyor", (await JsonAsync(refused)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> CreateWithAttachmentAsync()
    {
        using var client = ClientFromOwnIp(factory);
        var response = await PostMultipartAsync(client, ValidFields(), "ek.pdf", "application/pdf", Pdf());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("data").GetProperty("ticket_number").GetString()!;
    }

    private Task<int> UserIdAsync(string email) => factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<string> TicketNumberAsync(int id) => factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Number).SingleAsync());

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, object body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method != "GET")
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}

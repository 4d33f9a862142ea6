using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Destek.Core.Access;
using Destek.Core.Data;
using Destek.Core.ExternalApi;
using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.ExternalApi;

/// <summary>The external API's ticket and comment endpoints: shapes, defaults, isolation, every documented error.</summary>
[Trait("Category", "Integration")]
public sealed class ExternalTicketsApi(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    private static readonly string[] DetailFields =
    [
        "id", "title", "description", "status", "priority", "source", "external_ref", "department_id", "department_name",
        "assignee_id", "assignee_name", "is_private", "created_at", "updated_at", "closed_at", "comments_count", "attachments_count",
    ];

    [Fact]
    public async Task CreateAnswers201WithTheSeedFieldsAndDefaults()
    {
        var (_, http) = await app.NewClientAsync("ERP Sistemi");
        var response = await ExternalApiFactory.CreateTicketAsync(http, new { title = "ERP Fatura Modülü Hatası", description = "Fatura yazdırma işlemi sırasında sistem donuyor.", external_ref = "ERP-2026-001234" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await ExternalApiFactory.JsonAsync(response);
        Assert.Equal(DetailFields, ticket.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal("medium", ticket.GetProperty("priority").GetString());
        Assert.Equal("api", ticket.GetProperty("source").GetString());
        Assert.False(ticket.GetProperty("is_private").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("assignee_id").ValueKind);
        Assert.Equal(0, ticket.GetProperty("comments_count").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", ticket.GetProperty("created_at").GetString());
        var defaultDepartment = await app.WithDbAsync(db => db.Departments.SingleAsync(d => d.IsDefault));
        Assert.Equal(defaultDepartment.Id, ticket.GetProperty("department_id").GetInt32());
        Assert.Equal(defaultDepartment.Name, ticket.GetProperty("department_name").GetString());
        Assert.True(response.Headers.Contains("X-Request-Id"));
        Assert.True(response.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task DetailByRefAndListShowOnlyTheClientsOwnTickets()
    {
        var (_, mine) = await app.NewClientAsync();
        var (_, theirs) = await app.NewClientAsync();
        var created = await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(mine, new { title = "Benim", description = "d", priority = "urgent", external_ref = "REF-MINE" }));
        var id = created.GetProperty("id").GetInt32();
        await ExternalApiFactory.CreateTicketAsync(theirs, new { title = "Onların", description = "d", external_ref = "REF-MINE" });

        var detail = await ExternalApiFactory.JsonAsync(await mine.GetAsync(new Uri($"/api/external/tickets/{id}", UriKind.Relative)));
        Assert.Equal("urgent", detail.GetProperty("priority").GetString());
        var byRef = await ExternalApiFactory.JsonAsync(await mine.GetAsync(new Uri("/api/external/tickets/by-ref/REF-MINE", UriKind.Relative)));
        Assert.Equal(id, byRef.GetProperty("id").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(new Uri($"/api/external/tickets/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(new Uri($"/api/external/tickets/{id}/comments", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsJsonAsync($"/api/external/tickets/{id}/comments", new { content = "x" })).StatusCode);
        var theirByRef = await ExternalApiFactory.JsonAsync(await theirs.GetAsync(new Uri("/api/external/tickets/by-ref/REF-MINE", UriKind.Relative)));
        Assert.NotEqual(id, theirByRef.GetProperty("id").GetInt32());

        var list = await ExternalApiFactory.JsonAsync(await mine.GetAsync(new Uri("/api/external/tickets", UriKind.Relative)));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(["id", "title", "status", "priority", "source", "external_ref", "department_name", "created_at", "comments_count", "attachments_count"],
            list.GetProperty("tickets")[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(id, list.GetProperty("tickets")[0].GetProperty("id").GetInt32());

        // Tickets opened elsewhere (the demo data) are never visible through the API.
        var demoTicket = await app.WithDbAsync(db => db.Tickets.Where(t => t.ApiClientId == null).Select(t => t.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync(new Uri($"/api/external/tickets/{demoTicket}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ListPagesAndFiltersByStatusAndReference()
    {
        var (client, http) = await app.NewClientAsync();
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var t = await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = $"T{i}", description = "d", external_ref = $"P-{i}" }));
            ids.Add(t.GetProperty("id").GetInt32());
        }

        var admin = await StaffAsync();
        await app.Get<TicketService>().ChangeStatusAsync(ids[0], TicketStatus.Resolved, Actor.Staff(admin));

        var page2 = await ExternalApiFactory.JsonAsync(await http.GetAsync(new Uri("/api/external/tickets?page=2&per_page=2", UriKind.Relative)));
        Assert.Equal(5, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(2, page2.GetProperty("per_page").GetInt32());
        Assert.Equal(3, page2.GetProperty("pages").GetInt32());
        Assert.Equal([ids[2], ids[1]], page2.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToArray());

        var resolved = await ExternalApiFactory.JsonAsync(await http.GetAsync(new Uri("/api/external/tickets?status=resolved", UriKind.Relative)));
        Assert.Equal(1, resolved.GetProperty("total").GetInt32());
        Assert.Equal("resolved", resolved.GetProperty("tickets")[0].GetProperty("status").GetString());

        var byRef = await ExternalApiFactory.JsonAsync(await http.GetAsync(new Uri("/api/external/tickets?external_ref=P-3", UriKind.Relative)));
        Assert.Equal(ids[3], byRef.GetProperty("tickets").EnumerateArray().Single().GetProperty("id").GetInt32());
        _ = client;
    }

    [Fact]
    public async Task CommentsArePublicMessagesTaggedWithTheClientAndAuthoredBySistem()
    {
        var (_, http) = await app.NewClientAsync("ERP Sistemi");
        var id = (await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "Yorumlu", description = "d" }))).GetProperty("id").GetInt32();
        var admin = await StaffAsync();
        await app.Get<TicketService>().ReplyAsync(id, "Sorunu inceliyoruz.", Actor.Staff(admin));
        await app.Get<TicketService>().AddNoteAsync(id, "İç not: müşteriye söylemeyin.", Actor.Staff(admin));

        var response = await http.PostAsJsonAsync($"/api/external/tickets/{id}/comments", new { content = "Teşekkürler, bekliyoruz." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var comment = await ExternalApiFactory.JsonAsync(response);
        Assert.Equal(["id", "content", "user_id", "user_name", "created_at"], comment.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("[API - ERP Sistemi] Teşekkürler, bekliyoruz.", comment.GetProperty("content").GetString());
        Assert.Equal("Sistem", comment.GetProperty("user_name").GetString());
        Assert.Equal(await app.Get<SystemUser>().IdAsync(), comment.GetProperty("user_id").GetInt32());

        var comments = await ExternalApiFactory.JsonAsync(await http.GetAsync(new Uri($"/api/external/tickets/{id}/comments", UriKind.Relative)));
        Assert.Equal(["Sorunu inceliyoruz.", "[API - ERP Sistemi] Teşekkürler, bekliyoruz."], comments.EnumerateArray().Select(c => c.GetProperty("content").GetString()!).ToArray());
        Assert.Equal(admin.UserId, comments[0].GetProperty("user_id").GetInt32());
        var detail = await ExternalApiFactory.JsonAsync(await http.GetAsync(new Uri($"/api/external/tickets/{id}", UriKind.Relative)));
        Assert.Equal(2, detail.GetProperty("comments_count").GetInt32());

        // Agents see it in the desk like any message.
        var desk = await app.Get<TicketQueries>().DetailAsync(admin, id);
        Assert.Contains(desk!.Messages, m => m.Kind == MessageKind.PublicReply && m.Body == "[API - ERP Sistemi] Teşekkürler, bekliyoruz." && m.AuthorName == "Sistem");
    }

    [Fact]
    public async Task CredentialsAreCheckedAndRotationAndDeactivationTakeEffectAtOnce()
    {
        var admin = app.Get<ApiClientAdmin>();
        var (client, http) = await app.NewClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/external/tickets", UriKind.Relative))).StatusCode);

        await AssertErrorAsync(await app.HttpFor(null, null).GetAsync(new Uri("/api/external/tickets", UriKind.Relative)), 401, "unauthorized");
        await AssertErrorAsync(await app.HttpFor(client.ApiKey, null).GetAsync(new Uri("/api/external/tickets", UriKind.Relative)), 401, "unauthorized");
        await AssertErrorAsync(await app.HttpFor(client.ApiKey, client.ApiSecret + "x").GetAsync(new Uri("/api/external/tickets", UriKind.Relative)), 401, "unauthorized");
        await AssertErrorAsync(await app.HttpFor("unknown-key", client.ApiSecret).GetAsync(new Uri("/api/external/tickets", UriKind.Relative)), 401, "unauthorized");

        var rotated = await admin.RotateSecretAsync(client.Id);
        await AssertErrorAsync(await http.GetAsync(new Uri("/api/external/tickets", UriKind.Relative)), 401, "unauthorized");
        var fresh = app.HttpFor(client.ApiKey, rotated.ApiSecret);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri("/api/external/tickets", UriKind.Relative))).StatusCode);

        await admin.SetActiveAsync(client.Id, false);
        await AssertErrorAsync(await fresh.GetAsync(new Uri("/api/external/tickets", UriKind.Relative)), 401, "unauthorized");

        var stored = await app.WithDbAsync(db => db.Set<ApiClient>().SingleAsync(c => c.Id == client.Id));
        Assert.DoesNotContain(rotated.ApiSecret, stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal(ApiClient.HashSecret(rotated.ApiSecret), stored.SecretHash);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task DepartmentsOutsideTheAllowedListAreForbiddenAndUnknownOnesAreBadRequests()
    {
        var departments = await app.WithDbAsync(db => db.Departments.OrderBy(d => d.Id).ToListAsync());
        var allowed = departments.First(d => !d.IsDefault);
        var other = departments.First(d => d.Id != allowed.Id);
        var (_, http) = await app.NewClientAsync(departments: [allowed.Id]);

        await AssertErrorAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d", department_id = other.Id }), 403, "forbidden");
        await AssertErrorAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d", department_id = 999_999 }), 400, "invalid_request", "department_id");
        var ok = await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d", department_id = allowed.Id }));
        Assert.Equal(allowed.Id, ok.GetProperty("department_id").GetInt32());

        // No department given and the default one not allowed: the client's own allowed department.
        var fallback = await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d" }));
        Assert.Equal(allowed.Id, fallback.GetProperty("department_id").GetInt32());
    }

    [Theory]
    [InlineData("""{"description":"d"}""", "title")]
    [InlineData("""{"title":"  ","description":"d"}""", "title")]
    [InlineData("""{"title":5,"description":"d"}""", "title")]
    [InlineData("""{"title":"t"}""", "description")]
    [InlineData("""{"title":"t","description":"d","priority":"critical"}""", "priority")]
    [InlineData("""{"title":"t","description":"d","is_private":"yes"}""", "is_private")]
    [InlineData("""{"title":"t","description":"d","department_id":"1"}""", "department_id")]
    [InlineData("""{"title":"t","description":"d","citizenship_no":"12345678901"}""", "citizenship_no")]
    [InlineData("""{"title":"t","description":"d","requester_email":"not-an-email"}""", "requester_email")]
    [InlineData("""{"title":"t","description":"d""", "body")]
    [InlineData("""["title"]""", "body")]
    public async Task BadCreateBodiesAre400NamingTheField(string body, string field)
    {
        var (_, http) = await app.NewClientAsync();
        var before = await app.WithDbAsync(db => db.Tickets.CountAsync());
        var response = await http.PostAsync(new Uri("/api/external/tickets", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertErrorAsync(response, 400, "invalid_request", field);
        Assert.Equal(before, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task TitleOver200AndValidTcKimlikAreChecked()
    {
        var (_, http) = await app.NewClientAsync();
        await AssertErrorAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = new string('a', 201), description = "d" }), 400, "invalid_request", "title");
        var ok = await ExternalApiFactory.CreateTicketAsync(http, new { title = new string('a', 200), description = "d", citizenship_no = "10000000146", is_private = true, teos_id = "T-1" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.True((await ExternalApiFactory.JsonAsync(ok)).GetProperty("is_private").GetBoolean());
    }

    [Theory]
    [InlineData("?per_page=101", "per_page")]
    [InlineData("?per_page=0", "per_page")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?status=pending", "status")]
    public async Task BadListParametersAre400NamingTheParameter(string query, string field)
    {
        var (_, http) = await app.NewClientAsync();
        await AssertErrorAsync(await http.GetAsync(new Uri("/api/external/tickets" + query, UriKind.Relative)), 400, "invalid_request", field);
    }

    [Fact]
    public async Task UnknownTicketsRefsAndPathsAre404InTheApiShape()
    {
        var (_, http) = await app.NewClientAsync();
        await AssertErrorAsync(await http.GetAsync(new Uri("/api/external/tickets/2000000000", UriKind.Relative)), 404, "not_found");
        await AssertErrorAsync(await http.GetAsync(new Uri("/api/external/tickets/by-ref/NOPE-1", UriKind.Relative)), 404, "not_found");
        await AssertErrorAsync(await http.GetAsync(new Uri("/api/external/tickets/2000000000/comments", UriKind.Relative)), 404, "not_found");
        await AssertErrorAsync(await http.GetAsync(new Uri("/api/external/nothing-here", UriKind.Relative)), 404, "not_found");
        var id = (await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http, new { title = "t", description = "d" }))).GetProperty("id").GetInt32();
        await AssertErrorAsync(await http.PostAsJsonAsync($"/api/external/tickets/{id}/comments", new { content = "" }), 400, "invalid_request", "content");
    }

    [Fact]
    public async Task TheClientsPerMinuteLimitAnswers429WithRetryAfter()
    {
        var (_, http) = await app.NewClientAsync(rateLimit: 3);
        for (var i = 0; i < 3; i++)
        {
            var ok = await http.GetAsync(new Uri("/api/external/tickets", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal((2 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        var limited = await http.GetAsync(new Uri("/api/external/tickets", UriKind.Relative));
        await AssertErrorAsync(limited, 429, "rate_limited");
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/external/tickets", UriKind.Relative))).StatusCode);
    }

    private async Task<StaffMember> StaffAsync()
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync());
        return (await app.Get<StaffDirectory>().FindAsync(id))!;
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, int status, string code, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), json.RootElement.GetProperty("requestId").GetString());
        if (field is not null)
        {
            Assert.Equal(field, json.RootElement.GetProperty("field").GetString());
        }
    }
}

using System.Net;
using System.Text.Json;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.CustomerApi.CustomerApiKit;

namespace Destek.Tests.CustomerApi;

/// <summary>
/// The customer API document's five endpoints walked with its own examples: shapes in its field order,
/// defaults and limits, a customer's isolation, and every error in its shape with code and requestId.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CustomerTicketsApi(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private static readonly string[] ListFields =
        ["id", "ticket_number", "subject", "category", "priority", "status", "message_count", "last_reply_at", "created_at"];

    private static readonly string[] MessageFields =
        ["id", "sender_id", "sender_name", "sender_email", "is_admin", "message", "created_at"];

    [Fact]
    public async Task CreateAnswersTheDocumentsExampleWithTheOneTicketNumber()
    {
        var (customerId, email, browser) = await NewCustomerAsync(app);
        var response = await PostJsonAsync(browser, Tickets, Example());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["success", "message", "ticket"], body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Destek talebiniz başarıyla oluşturuldu", body.GetProperty("message").GetString());
        var ticket = body.GetProperty("ticket");
        Assert.Equal(["id", "ticket_number", "subject", "category", "priority", "status", "created_at"], ticket.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("PDF yükleme sorunu", ticket.GetProperty("subject").GetString());
        Assert.Equal("teknik_sorun", ticket.GetProperty("category").GetString());
        Assert.Equal("orta", ticket.GetProperty("priority").GetString());
        Assert.Equal("acik", ticket.GetProperty("status").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", ticket.GetProperty("created_at").GetString());

        var publicId = Guid.Parse(ticket.GetProperty("id").GetString()!);
        var stored = await app.WithDbAsync(db => db.Tickets.Include(t => t.Category).SingleAsync(t => t.PublicId == publicId));
        Assert.Equal(stored.Number, ticket.GetProperty("ticket_number").GetString());
        Assert.Matches(@"^SUP-\d{4}-\d{6}$", stored.Number);
        Assert.Equal(customerId, stored.CustomerId);
        Assert.Equal(email, stored.RequesterEmail);
        Assert.Equal(TicketSource.Portal, stored.Source);
        Assert.Equal("Detaylı sorun açıklaması...", stored.Description);
        Assert.Equal("teknik_sorun", stored.Category!.Slug);
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task CreateDefaultsToOrtaWhenPriorityIsLeftOut()
    {
        var (_, _, browser) = await NewCustomerAsync(app);
        var response = await PostJsonAsync(browser, Tickets, new { subject = "Fatura", category = "odeme_sorunu", message = "Faturam gelmedi." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("orta", (await JsonAsync(response)).GetProperty("ticket").GetProperty("priority").GetString());
    }

    [Fact]
    public async Task ListFiltersPagesAndCountsOnlyTheCustomersTickets()
    {
        var (_, _, browser) = await NewCustomerAsync(app);
        var (_, _, other) = await NewCustomerAsync(app);
        await CreateAsync(other, Example("Başkasının talebi"));
        var first = await CreateAsync(browser, Example("PDF yükleme sorunu", "teknik_sorun", "orta"));
        await CreateAsync(browser, Example("Şifremi sıfırlayamıyorum", "hesap_sorunu", "yuksek"));
        var third = await CreateAsync(browser, Example("Ödeme iki kez çekildi", "odeme_sorunu", "acil"));

        var response = await GetAsync(browser, Tickets);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await JsonAsync(response);
        Assert.Equal(["tickets", "total_count", "has_more", "page", "limit"], list.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(3, list.GetProperty("total_count").GetInt32());
        Assert.False(list.GetProperty("has_more").GetBoolean());
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(10, list.GetProperty("limit").GetInt32());
        var rows = list.GetProperty("tickets").EnumerateArray().ToList();
        Assert.Equal(ListFields, rows[0].EnumerateObject().Select(p => p.Name).ToArray());
        // Newest first.
        Assert.Equal([third, first], new[] { rows[0], rows[2] }.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(1, rows[0].GetProperty("message_count").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("last_reply_at").ValueKind);

        var paged = await JsonAsync(await GetAsync(browser, Tickets + "?page=2&limit=2"));
        Assert.Equal(3, paged.GetProperty("total_count").GetInt32());
        Assert.False(paged.GetProperty("has_more").GetBoolean());
        Assert.Equal(first, Assert.Single(paged.GetProperty("tickets").EnumerateArray()).GetProperty("id").GetString());
        Assert.True((await JsonAsync(await GetAsync(browser, Tickets + "?page=1&limit=2"))).GetProperty("has_more").GetBoolean());

        Assert.Equal(first, Ids(await JsonAsync(await GetAsync(browser, Tickets + "?page=1&limit=10&status=acik&category=teknik_sorun"))).Single());
        Assert.Equal(third, Ids(await JsonAsync(await GetAsync(browser, Tickets + "?priority=acil"))).Single());
        Assert.Equal(third, Ids(await JsonAsync(await GetAsync(browser, Tickets + "?search=" + Uri.EscapeDataString("kez çekildi")))).Single());
        Assert.Equal(first, Ids(await JsonAsync(await GetAsync(browser, Tickets + "?search=pdf"))).Single());
        Assert.Empty(Ids(await JsonAsync(await GetAsync(browser, Tickets + "?search=" + Uri.EscapeDataString("100%_")))));
        Assert.Empty(Ids(await JsonAsync(await GetAsync(browser, Tickets + "?status=kapatildi"))));
        Assert.Empty(Ids(await JsonAsync(await GetAsync(browser, Tickets + "?search=Başkasının"))));
        Assert.Empty(Ids(await JsonAsync(await GetAsync(browser, Tickets + "?page=9"))));
    }

    [Fact]
    public async Task DetailAndMessagesShowPublicMessagesOnlyWithTheAnsweredStatus()
    {
        var (_, email, browser) = await NewCustomerAsync(app);
        var id = await CreateAsync(browser);
        var ticketId = await TicketIdAsync(app, id);
        var admin = Actor.Staff(await AdminAsync(app));
        var tickets = app.Services.GetRequiredService<TicketService>();
        await tickets.AddNoteAsync(ticketId, "İç not: müşteriye söylemeyin.", admin);
        await tickets.ReplyAsync(ticketId, "Admin yanıtı...", admin);

        var response = await GetAsync(browser, $"{Tickets}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await JsonAsync(response);
        Assert.Equal(["id", "ticket_number", "subject", "category", "priority", "status", "message_count", "messages", "created_at", "updated_at"],
            detail.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("cevaplandi", detail.GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("message_count").GetInt32());
        var messages = detail.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(MessageFields, messages[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Detaylı sorun açıklaması...", messages[0].GetProperty("message").GetString());
        Assert.False(messages[0].GetProperty("is_admin").GetBoolean());
        Assert.Equal(email, messages[0].GetProperty("sender_email").GetString());
        Assert.Equal("Admin yanıtı...", messages[1].GetProperty("message").GetString());
        Assert.True(messages[1].GetProperty("is_admin").GetBoolean());
        Assert.DoesNotContain("İç not", detail.ToString(), StringComparison.Ordinal);
        var adminPublicId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@destek.local").Select(u => u.PublicId).SingleAsync());
        Assert.Equal(adminPublicId.ToString(), messages[1].GetProperty("sender_id").GetString());
        Assert.NotEqual("admin@destek.local", messages[1].GetProperty("sender_email").GetString());

        var only = await JsonAsync(await GetAsync(browser, $"{Tickets}/{id}/messages"));
        Assert.Equal(detail.GetProperty("messages").ToString(), only.GetProperty("messages").ToString());

        var listed = (await JsonAsync(await GetAsync(browser, Tickets + "?status=cevaplandi"))).GetProperty("tickets")[0];
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal(2, listed.GetProperty("message_count").GetInt32());
        Assert.Equal(messages[1].GetProperty("created_at").GetString(), listed.GetProperty("last_reply_at").GetString());
    }

    [Fact]
    public async Task ReplyAnswersTheDocumentsShapeAndKeepsTheSenderId()
    {
        var (customerId, _, browser) = await NewCustomerAsync(app);
        var id = await CreateAsync(browser);
        var response = await PostJsonAsync(browser, $"{Tickets}/{id}/reply", new { message = "Ek bilgi veya yanıt mesajı..." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["success", "message", "support_message"], body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Mesajınız başarıyla gönderildi", body.GetProperty("message").GetString());
        var sent = body.GetProperty("support_message");
        Assert.Equal(["id", "ticket_id", "sender_id", "message", "created_at"], sent.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(id, sent.GetProperty("ticket_id").GetString());
        Assert.Equal("Ek bilgi veya yanıt mesajı...", sent.GetProperty("message").GetString());

        var publicId = await app.WithDbAsync(db => db.Users.Where(u => u.Id == customerId).Select(u => u.PublicId).SingleAsync());
        Assert.Equal(publicId.ToString(), sent.GetProperty("sender_id").GetString());
        var messages = (await JsonAsync(await GetAsync(browser, $"{Tickets}/{id}/messages"))).GetProperty("messages").EnumerateArray().ToList();
        // The opening text and the reply are the same person.
        Assert.All(messages, m => Assert.Equal(publicId.ToString(), m.GetProperty("sender_id").GetString()));
        Assert.Equal(sent.GetProperty("id").GetString(), messages[^1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReplyToAClosedTicketReopensIt()
    {
        var (_, _, browser) = await NewCustomerAsync(app);
        var id = await CreateAsync(browser);
        var ticketId = await TicketIdAsync(app, id);
        await app.Services.GetRequiredService<TicketService>().ChangeStatusAsync(ticketId, TicketStatus.Closed, Actor.Staff(await AdminAsync(app)));
        Assert.Equal("kapatildi", (await JsonAsync(await GetAsync(browser, $"{Tickets}/{id}"))).GetProperty("status").GetString());

        var reply = await PostJsonAsync(browser, $"{Tickets}/{id}/reply", new { message = "Sorun yeniden başladı." });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal("acik", (await JsonAsync(await GetAsync(browser, $"{Tickets}/{id}"))).GetProperty("status").GetString());
        Assert.Equal(TicketStatus.Open, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnotherCustomersTicketIsNotFound()
    {
        var (_, _, owner) = await NewCustomerAsync(app);
        var (_, _, stranger) = await NewCustomerAsync(app);
        var id = await CreateAsync(owner);
        var demoTicket = await app.WithDbAsync(db => db.Tickets.Where(t => t.CustomerId == null).Select(t => t.PublicId).FirstAsync());

        await AssertErrorAsync(await GetAsync(stranger, $"{Tickets}/{id}"), HttpStatusCode.NotFound, "not_found");
        await AssertErrorAsync(await GetAsync(stranger, $"{Tickets}/{id}/messages"), HttpStatusCode.NotFound, "not_found");
        await AssertErrorAsync(await PostJsonAsync(stranger, $"{Tickets}/{id}/reply", new { message = "Benim değil" }), HttpStatusCode.NotFound, "not_found");
        await AssertErrorAsync(await GetAsync(stranger, $"{Tickets}/{demoTicket}"), HttpStatusCode.NotFound, "not_found");
        await AssertErrorAsync(await GetAsync(stranger, $"{Tickets}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
        await AssertErrorAsync(await GetAsync(stranger, $"{Tickets}/42"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await JsonAsync(await GetAsync(stranger, Tickets))).GetProperty("total_count").GetInt32());
        var ticketId = await TicketIdAsync(app, id);
        Assert.Equal(0, await app.WithDbAsync(db => db.TicketMessages.CountAsync(m => m.TicketId == ticketId)));
    }

    [Fact]
    public async Task WithoutASessionTheAnswerIs401Json()
    {
        var anonymous = Destek.Tests.Account.AccountKit.NewBrowser(app);

        await AssertErrorAsync(await GetAsync(anonymous, Tickets), HttpStatusCode.Unauthorized, "unauthorized");
        await AssertErrorAsync(await PostJsonAsync(anonymous, Tickets, Example()), HttpStatusCode.Unauthorized, "unauthorized");
        await AssertErrorAsync(await GetAsync(anonymous, $"{Tickets}/{Guid.NewGuid()}/messages"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task StaffSessionsDoNotActAsCustomers()
    {
        var staff = await Destek.Tests.Account.AccountKit.SignedInAsync(app, "agent@destek.local");
        var before = await app.WithDbAsync(db => db.Tickets.CountAsync());

        await AssertErrorAsync(await GetAsync(staff, Tickets), HttpStatusCode.Forbidden, "forbidden");
        await AssertErrorAsync(await PostJsonAsync(staff, Tickets, Example()), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task BadQueryParametersAre400NamingTheParameter()
    {
        var (_, _, browser) = await NewCustomerAsync(app);
        (string Query, string Field)[] cases =
        [
            ("page=0", "page"), ("page=abc", "page"), ("page=-1", "page"), ("limit=0", "limit"), ("limit=51", "limit"), ("limit=1.5", "limit"),
            ("status=open", "status"), ("status=ACIK", "status"), ("priority=low", "priority"), ("category=olmayan_kategori", "category"),
            ("search=" + new string('a', 201), "search"),
        ];
        foreach (var (query, field) in cases)
        {
            await AssertErrorAsync(await GetAsync(browser, $"{Tickets}?{query}"), HttpStatusCode.BadRequest, "invalid_request", field);
        }

        var widest = await JsonAsync(await GetAsync(browser, Tickets + "?limit=50"));
        Assert.Equal(50, widest.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task BadWritesAreRefusedNamingTheFieldAndSaveNothing()
    {
        var (customerId, _, browser) = await NewCustomerAsync(app);
        var id = await CreateAsync(browser);

        await AssertErrorAsync(await PostRawAsync(browser, Tickets, "{\"subject\": ", "application/json"), HttpStatusCode.BadRequest, "invalid_request", "body");
        await AssertErrorAsync(await PostRawAsync(browser, Tickets, "[1, 2]", "application/json"), HttpStatusCode.BadRequest, "invalid_request", "body");
        await AssertErrorAsync(await PostJsonAsync(browser, Tickets, new { subject = 5, category = "teknik_sorun", message = "x" }), HttpStatusCode.BadRequest, "invalid_request", "subject");
        var missing = await AssertErrorAsync(await PostJsonAsync(browser, Tickets, new { priority = "orta" }), HttpStatusCode.UnprocessableEntity, "invalid_request", "subject");
        Assert.True(missing.GetProperty("errors").TryGetProperty("message", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("category", out _));
        await AssertErrorAsync(await PostJsonAsync(browser, Tickets, Example(category: "uydurma")), HttpStatusCode.UnprocessableEntity, "invalid_request", "category");
        await AssertErrorAsync(await PostJsonAsync(browser, Tickets, Example(priority: "high")), HttpStatusCode.UnprocessableEntity, "invalid_request", "priority");
        await AssertErrorAsync(await PostJsonAsync(browser, Tickets, Example(subject: new string('k', 201))), HttpStatusCode.UnprocessableEntity, "invalid_request", "subject");
        await AssertErrorAsync(await PostRawAsync(browser, Tickets, "subject=x&category=teknik_sorun&message=y", "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType, "invalid_request", "Content-Type");

        await AssertErrorAsync(await PostJsonAsync(browser, $"{Tickets}/{id}/reply", new { message = "   " }), HttpStatusCode.UnprocessableEntity, "invalid_request", "message");
        await AssertErrorAsync(await PostJsonAsync(browser, $"{Tickets}/{id}/reply", new { }), HttpStatusCode.UnprocessableEntity, "invalid_request", "message");
        await AssertErrorAsync(await PostJsonAsync(browser, $"{Tickets}/{id}/reply", new { message = new[] { "a" } }), HttpStatusCode.BadRequest, "invalid_request", "message");
        await AssertErrorAsync(await PostRawAsync(browser, $"{Tickets}/{id}/reply", "message=merhaba", "text/plain"), HttpStatusCode.UnsupportedMediaType, "invalid_request", "Content-Type");

        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.CustomerId == customerId)));
        var ticketId = await TicketIdAsync(app, id);
        Assert.Equal(0, await app.WithDbAsync(db => db.TicketMessages.CountAsync(m => m.TicketId == ticketId)));
    }

    [Fact]
    public async Task IdempotencyKeyReplaysTheFirstCreate()
    {
        var (customerId, _, browser) = await NewCustomerAsync(app);
        var key = Guid.NewGuid().ToString();
        var first = await PostJsonAsync(browser, Tickets, Example(), key);
        var again = await PostJsonAsync(browser, Tickets, Example(), key);
        var changed = await PostJsonAsync(browser, Tickets, Example("Başka konu"), key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await JsonAsync(first)).GetProperty("ticket").GetProperty("id").GetString(), (await JsonAsync(again)).GetProperty("ticket").GetProperty("id").GetString());
        await AssertErrorAsync(changed, HttpStatusCode.UnprocessableEntity, "invalid_request");
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.CustomerId == customerId)));
    }

    [Fact]
    public async Task EveryAnswerCarriesTheRateLimitHeaders()
    {
        var (_, _, browser) = await NewCustomerAsync(app);
        var first = await GetAsync(browser, Tickets);
        var second = await GetAsync(browser, $"{Tickets}/{Guid.NewGuid()}");

        foreach (var response in new[] { first, second })
        {
            Assert.Equal("120", response.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.True(long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        }

        static int Header(HttpResponseMessage r, string name) => int.Parse(r.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);
        // Within one window the budget shrinks by one; across a minute boundary the second starts a new window.
        var expected = Header(first, "X-RateLimit-Reset") == Header(second, "X-RateLimit-Reset") ? Header(first, "X-RateLimit-Remaining") - 1 : 119;
        Assert.Equal(expected, Header(second, "X-RateLimit-Remaining"));
    }

    private static List<string?> Ids(JsonElement list) => list.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
}

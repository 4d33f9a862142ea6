using System.Net;
using System.Net.Http.Json;
using System.Text;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>POST /api/support/tickets/ (the support form API's create) against the real app and database.</summary>
[Trait("Category", "Integration")]
public sealed class SupportTicketCreate(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    /// <summary>The support form document's own test case: SupportTicketTestCase.test_create_ticket.</summary>
    [Fact]
    public async Task SeedTestCreateTicket()
    {
        using var client = ClientFromOwnIp(factory);
        var data = new Dictionary<string, string>
        {
            ["name"] = "Test User",
            ["email"] = "test@example.com",
            ["subject"] = "Sipariş Sorunu",
            ["message"] = "Test mesajı burada yer alıyor",
        };
        // DRF's APIClient posts multipart by default.
        var response = await PostMultipartAsync(client, data);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("data").TryGetProperty("ticket_number", out _));
    }

    [Fact]
    public async Task AnswersTheSeedsBodyAndSavesAWebFormTicket()
    {
        using var client = ClientFromOwnIp(factory);
        var response = await PostFormAsync(client, ValidFields());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("success", json.GetProperty("status").GetString());
        Assert.Equal("Destek talebiniz başarıyla oluşturuldu", json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        var number = data.GetProperty("ticket_number").GetString()!;
        Assert.Matches(@"^SUP-\d{4}-\d{6}$", number);
        Assert.Equal(number, data.GetProperty("ticket_id").GetString());
        Assert.Equal("24 saat içinde", data.GetProperty("estimated_response_time").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", data.GetProperty("created_at").GetString());
        Assert.Equal(["status", "message", "data"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["ticket_id", "ticket_number", "created_at", "estimated_response_time"], data.EnumerateObject().Select(p => p.Name));

        var ticket = await TicketAsync(factory, number);
        Assert.Equal(TicketSource.WebForm, ticket.Source);
        Assert.Equal("Sipariş Sorunu", ticket.Title);
        Assert.Equal("Sipariş Sorunu", ticket.Category!.Name);
        Assert.Equal("Siparişim henüz gelmedi, durumunu kontrol edebilir misiniz?", ticket.Description);
        Assert.Equal("Ahmet Yılmaz", ticket.RequesterName);
        Assert.Equal("ahmet@example.com", ticket.RequesterEmail);
        Assert.Equal("+90 555 123 45 67", ticket.RequesterPhone);
        Assert.True(ticket.Department!.IsDefault);
        Assert.Null(ticket.CustomerId);
        Assert.Equal(TicketStatus.Open, ticket.Status);
    }

    [Fact]
    public async Task AcceptsJsonAndThePathWithoutTrailingSlash()
    {
        using var client = ClientFromOwnIp(factory);
        var response = await client.PostAsJsonAsync(new Uri("/api/support/tickets", UriKind.Relative), ValidFields("Json Gönderen"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await JsonAsync(response)).GetProperty("data").GetProperty("ticket_number").GetString()!;
        Assert.Equal("Json Gönderen", (await TicketAsync(factory, number)).RequesterName);
    }

    [Fact]
    public async Task RoutesToTheCategorysDepartment()
    {
        var accounting = await factory.WithDbAsync(async db =>
        {
            var department = await db.Departments.SingleAsync(d => d.Name == "Muhasebe");
            var category = await db.Categories.SingleAsync(c => c.Name == "Ödeme Sorunu");
            category.RouteTo(department);
            await db.SaveChangesAsync();
            return department.Id;
        });
        var number = await CreateTicketAsync(factory, new Dictionary<string, string>(ValidFields()) { ["subject"] = "Ödeme Sorunu" });
        Assert.Equal(accounting, (await TicketAsync(factory, number)).DepartmentId);
    }

    [Fact]
    public async Task LinksTheSignedInCustomer()
    {
        using var client = await SignedInClientAsync(factory, DemoSeeder.CustomerEmail);
        var response = await PostFormAsync(client, ValidFields());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await JsonAsync(response)).GetProperty("data").GetProperty("ticket_number").GetString()!;
        var customerId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.CustomerEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal(customerId, (await TicketAsync(factory, number)).CustomerId);
    }

    [Fact]
    public async Task TheFormPrefillsASignedInCustomersNameAndEmail()
    {
        using var client = await SignedInClientAsync(factory, DemoSeeder.CustomerEmail);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/destek", UriKind.Relative)));
        Assert.Contains("name=\"Input.Name\" value=\"Ahmet Yılmaz\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DemoSeeder.CustomerEmail}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesBadInputFieldByFieldInDrfStyleAndSavesNothing()
    {
        using var client = ClientFromOwnIp(factory);
        client.DefaultRequestHeaders.Add("X-Request-Id", "test-create-400");
        var before = await TicketCountAsync(factory);
        var response = await PostFormAsync(client, new Dictionary<string, string>
        {
            ["name"] = "A1",
            ["email"] = "not-an-email",
            ["phone"] = "123",
            ["subject"] = "Uydurma Konu",
            ["message"] = "kısa",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("Ad soyad sadece harf içerebilir.", json.GetProperty("name")[0].GetString());
        Assert.Equal("Geçerli bir e-posta adresi girin.", json.GetProperty("email")[0].GetString());
        Assert.Equal("Geçerli bir telefon numarası girin.", json.GetProperty("phone")[0].GetString());
        Assert.Equal("Geçerli bir konu seçin.", json.GetProperty("subject")[0].GetString());
        Assert.Equal("Mesaj en az 10 karakter olmalıdır.", json.GetProperty("message")[0].GetString());
        Assert.Equal("invalid_request", json.GetProperty("code").GetString());
        Assert.Equal("test-create-400", json.GetProperty("requestId").GetString());
        Assert.Equal(before, await TicketCountAsync(factory));
    }

    [Fact]
    public async Task NamesEveryRequiredFieldOfAnEmptyBody()
    {
        using var client = ClientFromOwnIp(factory);
        var response = await PostFormAsync(client, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonAsync(response);
        foreach (var field in new[] { "name", "email", "subject", "message" })
        {
            Assert.Equal("Bu alan zorunludur.", json.GetProperty(field)[0].GetString());
        }

        Assert.False(json.TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task RefusesMalformedJsonAndWrongTypesWithoutA500()
    {
        using var client = ClientFromOwnIp(factory);
        var malformed = await client.PostAsync(new Uri(TicketsPath, UriKind.Relative), new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.StartsWith("JSON ayrıştırma hatası", (await JsonAsync(malformed)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var wrongType = await client.PostAsync(new Uri(TicketsPath, UriKind.Relative),
            new StringContent("{\"name\": [\"Ali\"], \"email\": true, \"subject\": \"Diğer\", \"message\": \"yeterince uzun mesaj\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var json = await JsonAsync(wrongType);
        Assert.True(json.TryGetProperty("name", out _));
        Assert.True(json.TryGetProperty("email", out _));

        var xml = await client.PostAsync(new Uri(TicketsPath, UriKind.Relative), new StringContent("<a/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
    }

    [Fact]
    public async Task StoresAnAttachmentWhoseTypeAndBytesAgree()
    {
        using var client = ClientFromOwnIp(factory);
        var response = await PostMultipartAsync(client, ValidFields(), "fatura.pdf", "application/pdf", Pdf());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await TicketAsync(factory, (await JsonAsync(response)).GetProperty("data").GetProperty("ticket_number").GetString()!);
        var attachment = Assert.Single(ticket.Attachments);
        Assert.Equal("fatura.pdf", attachment.FileName);
        Assert.Equal(Pdf().Length, attachment.Size);
    }

    [Theory]
    [InlineData("fatura.pdf", "application/pdf", "exe", "Dosyanın içeriği")]
    [InlineData("resim.png", "application/pdf", "png", "Sadece PDF")]
    [InlineData("program.exe", "application/x-msdownload", "exe", "Sadece PDF")]
    [InlineData("resim.png", "image/png", "pdf", "Dosyanın içeriği")]
    public async Task RefusesLyingUploadsAndSavesNothing(string fileName, string declaredType, string bytes, string messageStart)
    {
        using var client = ClientFromOwnIp(factory);
        var before = await TicketCountAsync(factory);
        var attachmentsBefore = await factory.WithDbAsync(db => db.TicketAttachments.CountAsync());
        var content = bytes switch { "exe" => Executable(), "png" => Png(), _ => Pdf() };
        var response = await PostMultipartAsync(client, ValidFields(), fileName, declaredType, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.StartsWith(messageStart, json.GetProperty("attachment")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["attachment", "code", "requestId"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await TicketCountAsync(factory));
        Assert.Equal(attachmentsBefore, await factory.WithDbAsync(db => db.TicketAttachments.CountAsync()));
    }

    [Fact]
    public async Task RefusesAnAttachmentOverFiveMegabytes()
    {
        using var client = ClientFromOwnIp(factory);
        var big = new byte[5 * 1024 * 1024 + 1];
        Pdf().CopyTo(big, 0);
        var response = await PostMultipartAsync(client, ValidFields(), "buyuk.pdf", "application/pdf", big);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Dosya boyutu 5MB'dan büyük olamaz.", (await JsonAsync(response)).GetProperty("attachment")[0].GetString());

        var huge = new byte[12 * 1024 * 1024];
        Pdf().CopyTo(huge, 0);
        var tooLarge = await PostMultipartAsync(client, ValidFields(), "dev.pdf", "application/pdf", huge);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.True((await JsonAsync(tooLarge)).TryGetProperty("attachment", out _));
    }

    [Fact]
    public async Task FortyConcurrentSubmissionsGetFortyDistinctNumbers()
    {
        var clients = Enumerable.Range(0, 40).Select(_ => ClientFromOwnIp(factory)).ToList();
        try
        {
            var responses = await Task.WhenAll(clients.Select((c, i) => PostFormAsync(c, ValidFields("Eşzamanlı Gönderen " + new string('a', i % 5 + 1)))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var numbers = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("data").GetProperty("ticket_number").GetString()!));
            Assert.Equal(40, numbers.Distinct().Count());
            Assert.All(numbers, n => Assert.Matches(@"^SUP-\d{4}-\d{6}$", n));
            var saved = await factory.WithDbAsync(db => db.Tickets.Where(t => numbers.Contains(t.Number)).CountAsync());
            Assert.Equal(40, saved);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Destek.Core.Mail;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Mail.MailIntakeKit;

namespace Destek.Tests.Mail;

/// <summary>/takip/{token}: the private follow link of the ticket's mails, without JavaScript.</summary>
[Trait("Category", "Integration")]
public sealed partial class FollowTicketPage(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task ShowsThePublicConversationWithoutNotesAndTakesAnAnswerThatReopensTheTicket()
    {
        var (ticket, token) = await TicketWithLinkAsync("Bora Tan", "bora@example.com");
        var tickets = factory.Services.GetRequiredService<TicketService>();
        var admin = await AdminAsync(factory);
        await tickets.ReplyAsync(ticket.Id, "Faturanız yeniden gönderildi.", admin);
        await tickets.AddNoteAsync(ticket.Id, "Gizli ekip notu", admin);
        await tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, admin);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync(new Uri($"/takip/{token}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(ticket.Number, html, StringComparison.Ordinal);
        Assert.Contains("Faturanız yeniden gönderildi.", html, StringComparison.Ordinal);
        Assert.Contains("Çözüldü", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Gizli ekip notu", html, StringComparison.Ordinal);
        Assert.Matches("<label for=\"message\"[^>]*>Mesajınız</label>", html);

        var posted = await PostAsync(client, token, html, "Fatura geldi ama tutar yanlış.");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/takip/{token}?gonderildi=1", posted.Headers.Location!.ToString(), StringComparison.Ordinal);

        var last = (await MessagesAsync(factory, ticket.Id)).Last();
        Assert.Equal((AuthorKind.Customer, "Fatura geldi ama tutar yanlış.", "Bora Tan"), (last.AuthorKind, last.Body, last.AuthorName));
        Assert.Equal(TicketStatus.Open, (await TicketAsync(factory, ticket.Id)).Status);
    }

    [Fact]
    public async Task AnEmptyAnswerIsRefusedAndNothingIsSaved()
    {
        var (ticket, token) = await TicketWithLinkAsync("Cem Ok", "cem@example.com");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await client.GetStringAsync(new Uri($"/takip/{token}", UriKind.Relative));

        var posted = await PostAsync(client, token, html, "   ");

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Bu alan zorunludur.", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await MessagesAsync(factory, ticket.Id));
    }

    [Fact]
    public async Task ARevokedOrUnknownLinkIsATurkishNotFoundPage()
    {
        var (ticket, token) = await TicketWithLinkAsync("Ela Su", "ela@example.com");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/takip/{token}", UriKind.Relative))).StatusCode);
        var html = await client.GetStringAsync(new Uri($"/takip/{token}", UriKind.Relative));

        var admin = await AdminAsync(factory);
        var staff = await factory.Services.GetRequiredService<Core.Organization.StaffDirectory>().FindAsync(admin.UserId!.Value);
        Assert.Equal(1, await factory.Services.GetRequiredService<TicketFollowLinks>().RevokeAllAsync(ticket.Id, staff!));

        foreach (var path in new[] { $"/takip/{token}", $"/takip/{new string('A', 43)}", "/takip/kisa" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Sayfa bulunamadı", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ticket.Number, text, StringComparison.Ordinal);
        }

        // A form fetched before the revocation no longer answers either.
        var posted = await PostAsync(client, token, html, "İptalden sonra yazıyorum.");
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Contains("Bu takip bağlantısı iptal edilmiş; yanıtınız kaydedilmedi.", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(ticket.Number, await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await MessagesAsync(factory, ticket.Id));
    }

    private async Task<(Ticket Ticket, string Token)> TicketWithLinkAsync(string name, string email)
    {
        var ticket = await OpenAsync(factory, name, email);
        var confirmation = (await MailsAsync(factory, ticket.Id)).Single(m => m.Kind == TicketMailHandler.ConfirmationKind);
        return (ticket, FollowToken(confirmation.Body) ?? throw new Xunit.Sdk.XunitException("The confirmation has no follow link."));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string page, string message)
    {
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.NotEmpty(antiforgery);
        var form = new MultipartFormDataContent
        {
            { new StringContent("takip"), "_handler" },
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new StringContent(message), "Input.Message" },
        };
        return client.PostAsync(new Uri($"/takip/{token}", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

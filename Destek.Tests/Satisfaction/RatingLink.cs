using System.Net;
using System.Text.RegularExpressions;
using Destek.Core.Mail;
using Destek.Core.Satisfaction;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Mail.MailIntakeKit;

namespace Destek.Tests.Satisfaction;

/// <summary>
/// /degerlendir/{token}: the resolved mail's five links, a GET that changes nothing (link scanners),
/// a POST with antiforgery that rates once without sign-in, and links that expire.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class RatingLink(SatisfactionFactory factory) : IClassFixture<SatisfactionFactory>
{
    [Fact]
    public async Task TheResolvedMailCarriesFiveLinksOfOneToken()
    {
        var (ticket, mail) = await ResolvedAsync("Hale Tan", "hale@example.com");

        var links = RatingLinkPattern().Matches(mail.Body).Select(m => (Token: m.Groups[1].Value, Score: m.Groups[2].Value)).ToList();

        Assert.Equal(["1", "2", "3", "4", "5"], links.Select(l => l.Score).ToArray());
        Assert.Single(links.Select(l => l.Token).Distinct());
        Assert.Contains("5 - Çok iyi: ", mail.Body, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Set<RatingInvitation>().AsNoTracking().SingleAsync(i => i.TicketId == ticket.Id));
        Assert.Equal(RatingInvitation.Hash(links[0].Token), stored.TokenHash);
        Assert.DoesNotContain(links[0].Token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(30), stored.ExpiresAt - stored.CreatedAt);
    }

    [Fact]
    public async Task OpeningTheLinkOnlyShowsTheChosenScoreAndRecordsNothing()
    {
        var (ticket, mail) = await ResolvedAsync("İlker Su", "ilker@example.com");
        var token = TokenOf(mail);
        using var anonymous = Client();

        for (var i = 0; i < 2; i++)
        {
            var page = await anonymous.GetAsync(new Uri($"/degerlendir/{token}?puan=4", UriKind.Relative));
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(ticket.Number, html, StringComparison.Ordinal);
            Assert.Matches("<input type=\"radio\" id=\"score-4\" name=\"Input.Score\" value=\"4\" checked[ />]", html);
            Assert.DoesNotMatch("value=\"5\" checked", html);
            Assert.Matches("<label for=\"score-4\"[^>]*>4 — İyi</label>", html);
            Assert.Matches("<label for=\"comment\"[^>]*>Yorumunuz \\(isteğe bağlı\\)</label>", html);
        }

        Assert.Null(await factory.Services.GetRequiredService<SatisfactionService>().ForTicketAsync(ticket.Id));
        Assert.Null(await factory.WithDbAsync(db => db.Set<RatingInvitation>().Where(i => i.TicketId == ticket.Id).Select(i => i.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task TheConfirmedRatingIsRecordedOnceWithoutSignInThenTheLinkSaysSo()
    {
        var (ticket, mail) = await ResolvedAsync("Jale Gür", "jale@example.com");
        var token = TokenOf(mail);
        using var anonymous = Client();
        var form = await anonymous.GetStringAsync(new Uri($"/degerlendir/{token}?puan=5", UriKind.Relative));

        var posted = await PostAsync(anonymous, token, form, "4", "Hızlı çözüldü, teşekkürler.");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/degerlendir/{token}?tesekkurler=1", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        var rating = await factory.Services.GetRequiredService<SatisfactionService>().ForTicketAsync(ticket.Id);
        Assert.Equal((4, "İyi", "Hızlı çözüldü, teşekkürler.", RatingChannel.MailLink), (rating!.Score, rating.Label, rating.Comment, rating.Channel));

        var thanks = WebUtility.HtmlDecode(await anonymous.GetStringAsync(posted.Headers.Location));
        Assert.Contains("Teşekkür ederiz!", thanks, StringComparison.Ordinal);
        var again = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/degerlendir/{token}?puan=1", UriKind.Relative)));
        Assert.Contains("zaten değerlendirildi (4 / 5 — İyi)", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Score", again, StringComparison.Ordinal);

        // The form fetched before the first post cannot rate a second time.
        var second = await PostAsync(anonymous, token, form, "1", "Fikrimi değiştirdim");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(4, (await factory.Services.GetRequiredService<SatisfactionService>().ForTicketAsync(ticket.Id))!.Score);
    }

    [Fact]
    public async Task AScoreOutsideOneToFiveIsRefusedNamingTheFieldAndNothingIsSaved()
    {
        var (ticket, mail) = await ResolvedAsync("Kaan Er", "kaan@example.com");
        var token = TokenOf(mail);
        using var anonymous = Client();
        var form = await anonymous.GetStringAsync(new Uri($"/degerlendir/{token}", UriKind.Relative));

        var posted = await PostAsync(anonymous, token, form, "9", null);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Lütfen 1 ile 5 arasında bir puan seçin.", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await factory.Services.GetRequiredService<SatisfactionService>().ForTicketAsync(ticket.Id));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenRatesNothing()
    {
        var (ticket, mail) = await ResolvedAsync("Lale Ok", "lale@example.com");
        using var anonymous = Client();

        var posted = await anonymous.PostAsync(new Uri($"/degerlendir/{TokenOf(mail)}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "degerlendir",
            ["Input.Score"] = "5",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Null(await factory.Services.GetRequiredService<SatisfactionService>().ForTicketAsync(ticket.Id));
    }

    [Fact]
    public async Task AnExpiredOrUnknownLinkRatesNothing()
    {
        var (ticket, mail) = await ResolvedAsync("Mert Can", "mert@example.com");
        var token = TokenOf(mail);
        using var anonymous = Client();
        var form = await anonymous.GetStringAsync(new Uri($"/degerlendir/{token}", UriKind.Relative));
        factory.Clock.Advance(TimeSpan.FromDays(30));

        var expired = await anonymous.GetAsync(new Uri($"/degerlendir/{token}?puan=5", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("süresi dolmuş", WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await PostAsync(anonymous, token, form, "5", null)).StatusCode);
        Assert.Null(await factory.Services.GetRequiredService<SatisfactionService>().ForTicketAsync(ticket.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/degerlendir/{new string('A', 43)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/degerlendir/kisa", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ARatedTicketGetsNoNewLinksAndAReopenedOneCannotBeRatedUntilResolved()
    {
        var (ticket, mail) = await ResolvedAsync("Nil Işık", "nil@example.com");
        var service = factory.Services.GetRequiredService<SatisfactionService>();
        await factory.Services.GetRequiredService<TicketService>().ReplyAsync(ticket.Id, "Sorun tekrar etti.", Actor.Customer("Nil Işık", "nil@example.com"));

        Assert.Equal(RatingLinkStatus.NotResolved, (await service.OpenAsync(TokenOf(mail))).Status);

        var admin = await AdminAsync(factory);
        await factory.Services.GetRequiredService<TicketService>().ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, admin);
        Assert.Equal(RatingLinkStatus.Rated, (await service.RateWithLinkAsync(TokenOf(mail), 3, null)).Status);
        await factory.Services.GetRequiredService<TicketService>().ChangeStatusAsync(ticket.Id, TicketStatus.Closed, admin);

        var closedMail = (await MailsAsync(factory, ticket.Id)).Single(m => m.Kind == TicketMailHandler.ClosedKind);
        Assert.DoesNotMatch(RatingLinkPattern(), closedMail.Body);
    }

    private async Task<(Ticket Ticket, OutboxMail Mail)> ResolvedAsync(string name, string email)
    {
        var ticket = await OpenAsync(factory, name, email);
        await factory.Services.GetRequiredService<TicketService>().ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, await AdminAsync(factory));
        return (ticket, (await MailsAsync(factory, ticket.Id)).Last(m => m.Kind == TicketMailHandler.ResolvedKind));
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string TokenOf(OutboxMail mail) => RatingLinkPattern().Match(mail.Body).Groups[1].Value;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string page, string score, string? comment)
    {
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.NotEmpty(antiforgery);
        return client.PostAsync(new Uri($"/degerlendir/{token}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "degerlendir",
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.Score"] = score,
            ["Input.Comment"] = comment ?? "",
        }));
    }

    [GeneratedRegex(@"/degerlendir/([A-Za-z0-9_-]{43})\?puan=([1-5])")]
    private static partial Regex RatingLinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

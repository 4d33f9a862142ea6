using System.Net;
using System.Text.RegularExpressions;
using Destek.App.Account;
using Destek.Core.Mail;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>/sifremi-unuttum mails a single-use reset link through the outbox; the answer never tells whether the e-mail exists.</summary>
public sealed partial class PasswordReset(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    internal const string Sent = "Bu adres kayıtlı bir hesaba aitse şifre sıfırlama bağlantısı e-posta ile gönderildi.";
    internal const string NewPassword = "Yeni.Sifre.2026!";

    [Fact]
    public async Task MailsALinkThatSetsANewPasswordOnce()
    {
        var (_, email) = await NewUserAsync(factory);
        var link = await RequestLinkAsync(factory, email);

        var reset = await SubmitNewPasswordAsync(NewBrowser(factory), link, NewPassword);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Şifreniz değiştirildi.", await TextAsync(reset), StringComparison.Ordinal);

        Assert.Equal([AccountPaths.SignInFailed], await AlertsAsync(await NewBrowser(factory).SignInAsync(email, DestekAppFactory.Password)));
        await SignedInAsync(factory, email, NewPassword);

        var again = await SubmitNewPasswordAsync(NewBrowser(factory), link, "Ucuncu.Sifre.2026!");
        Assert.Contains("Bağlantı geçersiz ya da süresi dolmuş; yeni bir bağlantı isteyin.", await AlertsAsync(again));
        await SignedInAsync(factory, email, NewPassword);
    }

    [Fact]
    public async Task AnswersAlikeForUnknownEmail()
    {
        var unknown = await RequestAsync(factory, "bilinmeyen@destek.test");
        var (_, email) = await NewUserAsync(factory);
        var known = await RequestAsync(factory, email);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains(Sent, await TextAsync(unknown), StringComparison.Ordinal);
        Assert.Contains(Sent, await TextAsync(known), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Set<OutboxMail>().AnyAsync(m => m.ToAddress == "bilinmeyen@destek.test")));
    }

    [Fact]
    public async Task ForgedLinkIsRefused()
    {
        var (id, email) = await NewUserAsync(factory);
        var response = await SubmitNewPasswordAsync(NewBrowser(factory), $"/sifre-sifirla?kullanici={id}&kod=uydurma", NewPassword);

        Assert.Contains("Bağlantı geçersiz ya da süresi dolmuş; yeni bir bağlantı isteyin.", await AlertsAsync(response));
        await SignedInAsync(factory, email);
    }

    internal static async Task<HttpResponseMessage> RequestAsync(DestekAppFactory factory, string email) =>
        await NewBrowser(factory).SubmitAsync("/sifremi-unuttum", "sifremi-unuttum", new Dictionary<string, string> { ["Input.Email"] = email });

    /// <summary>Asks for a link and reads it from the mail written to the outbox; returns its path and query.</summary>
    internal static async Task<string> RequestLinkAsync(DestekAppFactory factory, string email)
    {
        var response = await RequestAsync(factory, email);
        Assert.Contains(Sent, await TextAsync(response), StringComparison.Ordinal);
        var mail = await factory.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.ToAddress == email && m.Kind == PasswordResetMail.Kind).OrderByDescending(m => m.Id).FirstAsync());
        var link = new Uri(LinkPattern().Match(mail.Body).Value);
        return link.PathAndQuery;
    }

    internal static Task<HttpResponseMessage> SubmitNewPasswordAsync(Browser browser, string link, string password) =>
        browser.SubmitAsync(link, "sifre-sifirla", new Dictionary<string, string>
        {
            ["Input.UserId"] = Query(link, "kullanici"),
            ["Input.Code"] = Query(link, "kod"),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    private static string Query(string link, string name) =>
        Uri.UnescapeDataString(Regex.Match(link, $"[?&]{name}=([^&]*)").Groups[1].Value);

    [GeneratedRegex(@"https?://\S+/sifre-sifirla\?\S+")]
    private static partial Regex LinkPattern();
}

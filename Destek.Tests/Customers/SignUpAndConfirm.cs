using System.Net;
using System.Text.RegularExpressions;
using Destek.App.Account;
using Destek.Core.Identity;
using Destek.Core.Mail;
using Destek.Core.SupportForm;
using Destek.Tests.Account;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Customers;

/// <summary>
/// /kayit makes an unconfirmed customer and mails a link; the account signs in only after /eposta-onayla,
/// which also hands it the tickets filed under the address. Staff are never made here; customers land on /portal.
/// </summary>
public sealed partial class SignUpAndConfirm(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    internal const string Unconfirmed = "E-posta adresiniz henüz onaylanmadı. Size gönderdiğimiz bağlantıyı açtıktan sonra giriş yapabilirsiniz.";

    [Fact]
    public async Task SignsInOnlyAfterTheMailedLinkIsOpened()
    {
        var email = NewEmail();
        var signUp = await SignUpAsync(NewBrowser(factory), "Ahmet Yılmaz", email);
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Contains("adresine bir onay bağlantısı gönderdik", await TextAsync(signUp), StringComparison.Ordinal);

        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.False(user.EmailConfirmed);
        Assert.Equal([Roles.Customer], await WithUsersAsync(factory, async users => (await users.GetRolesAsync(user)).ToArray()));

        var refused = await NewBrowser(factory).SignInAsync(email, DestekAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([Unconfirmed], await AlertsAsync(refused));
        Assert.Contains("eposta-onayla?eposta=", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A wrong password on an unconfirmed account says nothing about it.
        Assert.Equal([AccountPaths.SignInFailed], await AlertsAsync(await NewBrowser(factory).SignInAsync(email, "Yanlis.Sifre.1")));

        var confirmed = await NewBrowser(factory).GetAsync(await LinkAsync(email));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("E-posta adresiniz onaylandı.", await TextAsync(confirmed), StringComparison.Ordinal);
        AssertRedirect(await NewBrowser(factory).SignInAsync(email, DestekAppFactory.Password), "/portal");
    }

    [Fact]
    public async Task AForgedOrForeignLinkConfirmsNothing()
    {
        var email = NewEmail();
        await SignUpAsync(NewBrowser(factory), "Ayşe Kaya", email);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var other = NewEmail();
        await SignUpAsync(NewBrowser(factory), "Başka Biri", other);
        var otherLink = await LinkAsync(other);
        var otherCode = Regex.Match(otherLink, "kod=([^&]+)").Groups[1].Value;

        var forged = await NewBrowser(factory).GetAsync($"/eposta-onayla?kullanici={id}&kod=uydurma");
        var foreign = await NewBrowser(factory).GetAsync($"/eposta-onayla?kullanici={id}&kod={otherCode}");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("Onay bağlantısı geçersiz ya da süresi dolmuş", await TextAsync(foreign), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task ConfirmingClaimsTheAddressesTicketsAndLaterOnesAtCreate()
    {
        var email = NewEmail();
        var support = factory.Services.GetRequiredService<SupportRequestService>();
        var before = await FileAsync(support, email.ToUpperInvariant());
        var someoneElse = await FileAsync(support, NewEmail());
        await SignUpAsync(NewBrowser(factory), "Mehmet Demir", email);
        var whileUnconfirmed = await FileAsync(support, email);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Null(await CustomerOfAsync(before));
        Assert.Null(await CustomerOfAsync(whileUnconfirmed));

        await NewBrowser(factory).GetAsync(await LinkAsync(email));

        Assert.Equal(id, await CustomerOfAsync(before));
        Assert.Equal(id, await CustomerOfAsync(whileUnconfirmed));
        Assert.Null(await CustomerOfAsync(someoneElse));
        var after = await FileAsync(support, email);
        Assert.Equal(id, await CustomerOfAsync(after));
    }

    [Fact]
    public async Task ResendMailsAFreshLinkOnlyToUnconfirmedCustomers()
    {
        var email = NewEmail();
        await SignUpAsync(NewBrowser(factory), "Zeynep Çelik", email);
        var resend = await NewBrowser(factory).SubmitAsync("/eposta-onayla", "onay-yeniden", new Dictionary<string, string> { ["Input.Email"] = email });
        var staff = await NewBrowser(factory).SubmitAsync("/eposta-onayla", "onay-yeniden", new Dictionary<string, string> { ["Input.Email"] = "agent@destek.local" });

        Assert.Contains("yeni bir onay bağlantısı gönderdik", await TextAsync(resend), StringComparison.Ordinal);
        Assert.Contains("yeni bir onay bağlantısı gönderdik", await TextAsync(staff), StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<OutboxMail>().CountAsync(m => m.ToAddress == email && m.Kind == CustomerSignUp.ConfirmKind)));
        Assert.False(await factory.WithDbAsync(db => db.Set<OutboxMail>().AnyAsync(m => m.ToAddress == "agent@destek.local" && m.Kind == CustomerSignUp.ConfirmKind && m.Subject.Contains("onaylayın"))));
    }

    [Fact]
    public async Task SignUpNeverTouchesAStaffAccount()
    {
        var agent = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "agent@destek.local"));
        var response = await SignUpAsync(NewBrowser(factory), "Sahte Temsilci", "agent@destek.local", "Baska.Sifre.2026!");

        Assert.Contains("adresine bir onay bağlantısı gönderdik", await TextAsync(response), StringComparison.Ordinal);
        var after = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "agent@destek.local"));
        Assert.Equal(agent.PasswordHash, after.PasswordHash);
        Assert.Equal(agent.FullName, after.FullName);
        Assert.Equal([Roles.Agent], await WithUsersAsync(factory, async users => (await users.GetRolesAsync(after)).ToArray()));
        var notice = await factory.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.ToAddress == "agent@destek.local").OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("Destek hesabınız zaten var", notice.Subject);
        Assert.DoesNotContain("eposta-onayla", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakPasswordIsRefusedOnThePasswordField()
    {
        var email = NewEmail();
        var response = await SignUpAsync(NewBrowser(factory), "Kısa Şifre", email, "kisa");

        Assert.Equal(["Lütfen işaretli alanları düzeltip tekrar deneyin."], await AlertsAsync(response));
        Assert.Contains("validation-message", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task AdminMadeCustomersAreConfirmedAndLandOnThePortalNeverTheDesk()
    {
        var (_, email) = await NewUserAsync(factory, Roles.Customer);

        AssertRedirect(await NewBrowser(factory).SignInAsync(email, DestekAppFactory.Password), "/portal");
        var toDesk = NewBrowser(factory);
        var page = await toDesk.Client.GetStringAsync(new Uri("/giris", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "giris", ["__RequestVerificationToken"] = AntiforgeryToken(page), ["Input.Email"] = email, ["Input.Password"] = DestekAppFactory.Password,
        });
        AssertRedirect(await toDesk.Client.PostAsync(new Uri("/giris?ReturnUrl=%2Fmasa", UriKind.Relative), form), "/portal");
        var portal = await toDesk.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Contains("Taleplerim", await TextAsync(portal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminMadeCustomerGetsTheAddressesTicketsAtOnce()
    {
        var email = NewEmail();
        var earlier = await FileAsync(factory.Services.GetRequiredService<SupportRequestService>(), email);

        var created = await factory.Services.GetRequiredService<UserAdmin>().CreateAsync(email, Roles.Customer, DestekAppFactory.Password, "Elif Şahin", []);

        Assert.Equal(created.Id, await CustomerOfAsync(earlier));
    }

    internal static Task<HttpResponseMessage> SignUpAsync(Browser browser, string name, string email, string? password = null) =>
        browser.SubmitAsync("/kayit", "kayit", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Password"] = password ?? DestekAppFactory.Password,
        });

    internal static string NewEmail() => $"musteri-{Guid.NewGuid():N}"[..20] + "@ornek.test";

    /// <summary>The site path of the newest confirmation link mailed to <paramref name="email"/>.</summary>
    private async Task<string> LinkAsync(string email)
    {
        var mail = await factory.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.ToAddress == email && m.Kind == CustomerSignUp.ConfirmKind).OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("Destek hesabınızı onaylayın", mail.Subject);
        var link = LinkPattern().Match(mail.Body).Value;
        Assert.NotEmpty(link);
        return new Uri(link).PathAndQuery;
    }

    private static async Task<int> FileAsync(SupportRequestService support, string email)
    {
        var submission = await support.SubmitAsync(new SupportRequest
        {
            Name = "Talep Sahibi", Email = email, Subject = "Teknik Destek", Message = "Uygulama açılmıyor, yardım eder misiniz?",
        }, null);
        Assert.True(submission.Succeeded, string.Join(", ", submission.Errors.SelectMany(e => e.Value)));
        return submission.Ticket!.Id;
    }

    private Task<int?> CustomerOfAsync(int ticketId) =>
        factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.CustomerId).SingleAsync());

    [GeneratedRegex(@"http\S+eposta-onayla\?\S+")]
    private static partial Regex LinkPattern();
}

/// <summary>Sign-ups and confirmation re-sends share one hourly budget per client IP; beyond it the page answers 429.</summary>
public sealed class SignUpRateLimit(SignUpRateLimit.Factory factory) : IClassFixture<SignUpRateLimit.Factory>
{
    [Fact]
    public async Task TheThirdSignUpFromOneAddressIs429AndSavesNothing()
    {
        var first = await SignUpAndConfirm.SignUpAsync(NewBrowser(factory), "Bir", SignUpAndConfirm.NewEmail());
        var second = await SignUpAndConfirm.SignUpAsync(NewBrowser(factory), "İki", SignUpAndConfirm.NewEmail());
        var email = SignUpAndConfirm.NewEmail();
        var third = await SignUpAndConfirm.SignUpAsync(NewBrowser(factory), "Üç", email);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter is not null || third.Headers.Contains("Retry-After"));
        Assert.Contains("çok fazla kayıt denendi", (await AlertsAsync(third)).Single(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    public sealed class Factory : DestekAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Destek:Accounts:SignUpsPerHour"] = "2" };
    }
}

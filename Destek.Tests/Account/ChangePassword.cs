using System.Net;
using Destek.App.Account;
using Destek.Tests.Infrastructure;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>/hesap/sifre: signed-in people change their password; their other sessions end.</summary>
public sealed class ChangePassword(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private const string NewPassword = "Degisen.Sifre.2026!";

    [Fact]
    public async Task EndsOtherSessionsAndKeepsThisOne()
    {
        var (_, email) = await NewUserAsync(factory);
        var here = await SignedInAsync(factory, email);
        var elsewhere = await SignedInAsync(factory, email);

        var changed = await ChangeAsync(here, DestekAppFactory.Password, NewPassword);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Şifreniz değiştirildi.", await TextAsync(changed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/masa")).StatusCode);
        AssertRedirect(await elsewhere.GetAsync("/masa"), "/giris");
        Assert.Equal([AccountPaths.SignInFailed], await AlertsAsync(await NewBrowser(factory).SignInAsync(email, DestekAppFactory.Password)));
        await SignedInAsync(factory, email, NewPassword);
    }

    [Fact]
    public async Task RefusesWrongCurrentPassword()
    {
        var (_, email) = await NewUserAsync(factory);
        var browser = await SignedInAsync(factory, email);

        var refused = await ChangeAsync(browser, "Yanlis.Sifre.123", NewPassword);

        Assert.Equal(["Mevcut şifre hatalı."], await AlertsAsync(refused));
        await SignedInAsync(factory, email);
    }

    [Fact]
    public async Task NeedsSignIn() => AssertRedirect(await NewBrowser(factory).GetAsync("/hesap/sifre"), "/giris");

    private static Task<HttpResponseMessage> ChangeAsync(Browser browser, string current, string password) =>
        browser.SubmitAsync("/hesap/sifre", "sifre-degistir", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
}

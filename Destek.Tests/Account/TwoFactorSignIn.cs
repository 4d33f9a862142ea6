using System.Net;
using Destek.App.Account;
using Destek.Tests.Infrastructure;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>Authenticator-app sign-in: setup with key and otpauth URI, a code to enable, ten recovery codes, the second step, disabling.</summary>
public sealed class TwoFactorSignIn(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task SetupShowsTheKeyAndEnablesOnlyWithAValidCode()
    {
        var (id, email) = await NewUserAsync(factory);
        var browser = await SignedInAsync(factory, email);

        var page = await browser.Client.GetStringAsync(new Uri("/hesap/iki-adimli", UriKind.Relative));
        Assert.Contains("otpauth://totp/Destek%3A", page, StringComparison.Ordinal);
        var refused = await browser.SubmitAsync("/hesap/iki-adimli", "etkinlestir", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Equal(["Doğrulama kodu hatalı; uygulamadaki güncel kodu girin."], await AlertsAsync(refused));
        Assert.False((await FindAsync(factory, id)).TwoFactorEnabled);

        var (_, codes) = await EnableTwoFactorAsync(browser);

        Assert.True((await FindAsync(factory, id)).TwoFactorEnabled);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/masa")).StatusCode);
        Assert.DoesNotContain(codes[0], await TextAsync(await browser.GetAsync("/hesap/iki-adimli")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordAloneNoLongerSignsIn()
    {
        var (_, email) = await NewUserAsync(factory);
        var (key, _) = await EnableTwoFactorAsync(await SignedInAsync(factory, email));

        var browser = NewBrowser(factory);
        AssertRedirect(await browser.SignInAsync(email, DestekAppFactory.Password), "/giris/iki-adim");
        AssertRedirect(await browser.GetAsync("/masa"), "/giris");

        AssertRedirect(await SignInLockout.SubmitCodeAsync(browser, Totp(key, 1)), "/masa");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/masa")).StatusCode);
    }

    [Fact]
    public async Task RecoveryCodeSignsInOnce()
    {
        var (_, email) = await NewUserAsync(factory);
        var (_, codes) = await EnableTwoFactorAsync(await SignedInAsync(factory, email));

        var first = NewBrowser(factory);
        AssertRedirect(await first.SignInAsync(email, DestekAppFactory.Password), "/giris/iki-adim");
        AssertRedirect(await SignInLockout.SubmitCodeAsync(first, codes[3].ToLowerInvariant()), "/masa");

        var second = NewBrowser(factory);
        AssertRedirect(await second.SignInAsync(email, DestekAppFactory.Password), "/giris/iki-adim");
        Assert.Equal([AccountPaths.CodeFailed], await AlertsAsync(await SignInLockout.SubmitCodeAsync(second, codes[3])));
    }

    [Fact]
    public async Task DisablingReturnsToPasswordOnly()
    {
        var (id, email) = await NewUserAsync(factory);
        var browser = await SignedInAsync(factory, email);
        await EnableTwoFactorAsync(browser);

        var disabled = await browser.SubmitAsync("/hesap/iki-adimli", "kapat", new Dictionary<string, string>());

        Assert.Contains("İki adımlı doğrulama kapatıldı.", await TextAsync(disabled), StringComparison.Ordinal);
        Assert.False((await FindAsync(factory, id)).TwoFactorEnabled);
        await SignedInAsync(factory, email);
    }

    [Fact]
    public async Task SecondStepNeedsTheFirst() => AssertRedirect(await NewBrowser(factory).GetAsync("/giris/iki-adim"), "/giris");
}

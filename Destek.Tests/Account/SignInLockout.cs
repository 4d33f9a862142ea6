using System.Net;
using Destek.App.Account;
using Destek.Core.Identity;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>Five wrong answers lock an account for 15 minutes on every sign-in path; no answer tells whether the e-mail exists.</summary>
public sealed class SignInLockout(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task LocksAfterFiveWrongPasswordsForFifteenMinutes()
    {
        var (id, email) = await NewUserAsync(factory);
        var browser = NewBrowser(factory);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await browser.SignInAsync(email, "Yanlis.Sifre.123");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal([AccountPaths.SignInFailed], await AlertsAsync(wrong));
        }

        var locked = await browser.SignInAsync(email, DestekAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal([AccountPaths.SignInFailed], await AlertsAsync(locked));
        var lockoutEnd = (await FindAsync(factory, id)).LockoutEnd;
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));

        // Fifteen minutes later (Identity's lockout reads the wall clock, so the end is moved instead).
        await WithUsersAsync(factory, async users => await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddSeconds(-1)));
        AssertRedirect(await browser.SignInAsync(email, DestekAppFactory.Password), "/masa");
    }

    [Fact]
    public async Task AnswersAlikeForUnknownEmailWrongPasswordAndLockedAccount()
    {
        var (_, email) = await NewUserAsync(factory);
        var unknown = await NewBrowser(factory).SignInAsync("kimse-yok@destek.test", "Yanlis.Sifre.123");
        var wrong = await NewBrowser(factory).SignInAsync(email, "Yanlis.Sifre.123");
        await WithUsersAsync(factory, async users => await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddMinutes(15)));
        var locked = await NewBrowser(factory).SignInAsync(email, DestekAppFactory.Password);

        foreach (var response in new[] { unknown, wrong, locked })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([AccountPaths.SignInFailed], await AlertsAsync(response));
            Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("destek.auth=", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task DeactivatedAccountCannotSignIn()
    {
        var (id, email) = await NewUserAsync(factory);
        await factory.Services.GetRequiredService<UserAdmin>().SetActiveAsync(id, active: false);

        var response = await NewBrowser(factory).SignInAsync(email, DestekAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([AccountPaths.SignInFailed], await AlertsAsync(response));
    }

    [Fact]
    public async Task TwoFactorStepLocksAfterFiveWrongCodes()
    {
        var (id, email) = await NewUserAsync(factory);
        var (key, codes) = await EnableTwoFactorAsync(await SignedInAsync(factory, email));

        var browser = NewBrowser(factory);
        AssertRedirect(await browser.SignInAsync(email, DestekAppFactory.Password), "/giris/iki-adim");
        string[] wrongCodes = ["000000", "ABCDE-FGHIJ", "111111", "ZZZZZ-ZZZZZ", "222222"];
        foreach (var wrong in wrongCodes.Where(c => c != Totp(key)))
        {
            var refused = await SubmitCodeAsync(browser, wrong);
            Assert.Equal([AccountPaths.CodeFailed], await AlertsAsync(refused));
        }

        Assert.Equal([AccountPaths.CodeFailed], await AlertsAsync(await SubmitCodeAsync(browser, Totp(key, 1))));
        Assert.Equal([AccountPaths.CodeFailed], await AlertsAsync(await SubmitCodeAsync(browser, codes[0])));
        Assert.NotNull((await FindAsync(factory, id)).LockoutEnd);
        Assert.True((await FindAsync(factory, id)).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task DeactivatedAccountCannotFinishTheTwoFactorStep()
    {
        var (id, email) = await NewUserAsync(factory);
        var (key, codes) = await EnableTwoFactorAsync(await SignedInAsync(factory, email));
        var browser = NewBrowser(factory);
        AssertRedirect(await browser.SignInAsync(email, DestekAppFactory.Password), "/giris/iki-adim");

        await factory.Services.GetRequiredService<UserAdmin>().SetActiveAsync(id, active: false);

        Assert.Equal([AccountPaths.CodeFailed], await AlertsAsync(await SubmitCodeAsync(browser, Totp(key, 1))));
        Assert.Equal([AccountPaths.CodeFailed], await AlertsAsync(await SubmitCodeAsync(browser, codes[0])));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/masa")).StatusCode);
        Assert.Equal(10, await WithUsersAsync(factory, async users => await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!)));
    }

    internal static Task<HttpResponseMessage> SubmitCodeAsync(Browser browser, string code) =>
        browser.SubmitAsync("/giris/iki-adim", "iki-adim", new Dictionary<string, string> { ["Input.Code"] = code });
}

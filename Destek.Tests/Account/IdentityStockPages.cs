using System.Net;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>Identity's stock UI is gone: no /Identity/* route answers anything but 404, whatever is posted to it.</summary>
public sealed class IdentityStockPages(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/Identity/Account/Login" },
        { "GET", "/Identity/Account/Register" },
        { "GET", "/Identity/Account/ForgotPassword" },
        { "GET", "/Identity/Account/Manage" },
        { "GET", "/Identity/Account/Manage/TwoFactorAuthentication" },
        { "POST", "/Identity/Account/Login" },
        { "POST", "/Identity/Account/Register" },
        { "POST", "/Identity/Account/ForgotPassword" },
        { "POST", "/Identity/Account/ResetPassword" },
        { "POST", "/Identity/Account/Logout" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnswersNotFound(string method, string path)
    {
        var browser = NewBrowser(factory);
        var response = method == "GET"
            ? await browser.GetAsync(path)
            : await browser.SubmitAsync(path, "", new Dictionary<string, string>
            {
                ["Input.Email"] = "squatter@destek.test",
                ["Input.Password"] = DestekAppFactory.Password,
                ["Input.ConfirmPassword"] = DestekAppFactory.Password,
            }, pagePath: "/giris");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RegisterPostCreatesNoAccount()
    {
        var browser = NewBrowser(factory);
        var response = await browser.SubmitAsync("/Identity/Account/Register", "", new Dictionary<string, string>
        {
            ["Input.Email"] = "future.staff@destek.test",
            ["Input.Password"] = DestekAppFactory.Password,
            ["Input.ConfirmPassword"] = DestekAppFactory.Password,
        }, pagePath: "/giris");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "future.staff@destek.test")));
    }
}

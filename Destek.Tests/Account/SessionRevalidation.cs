using System.Security.Claims;
using Destek.Core.Identity;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Account.AccountKit;
using Revalidation = Destek.App.Account.SessionRevalidation;

namespace Destek.Tests.Account;

/// <summary>Deactivation and a new password end the account's cookies at once and its open circuits within a minute.</summary>
public sealed class SessionRevalidation(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task DeactivationEndsOpenSessions()
    {
        var (id, email) = await NewUserAsync(factory);
        var browser = await SignedInAsync(factory, email);

        await factory.Services.GetRequiredService<UserAdmin>().SetActiveAsync(id, active: false);

        AssertRedirect(await browser.GetAsync("/masa"), "/giris");
    }

    [Fact]
    public async Task CircuitsAreRevalidatedAgainstTheAccount()
    {
        var (id, _) = await NewUserAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var revalidation = Assert.IsType<Revalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();

        var user = (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
        ClaimsPrincipal circuit = await principals.CreateAsync(user);
        Assert.True(await revalidation.IsStillValidAsync(circuit));

        await users.ChangePasswordAsync(user, DestekAppFactory.Password, "Baska.Sifre.2026!");
        Assert.False(await revalidation.IsStillValidAsync(circuit));

        circuit = await principals.CreateAsync(user);
        Assert.True(await revalidation.IsStillValidAsync(circuit));
        await factory.Services.GetRequiredService<UserAdmin>().SetActiveAsync(id, active: false);
        Assert.False(await revalidation.IsStillValidAsync(circuit));
    }
}

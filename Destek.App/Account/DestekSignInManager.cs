using System.Security.Claims;
using Destek.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Destek.App.Account;

/// <summary>
/// Identity's sign-in rules plus Destek's: a deactivated account signs in by no path and its
/// cookies stop validating; a wrong recovery code counts towards the lockout like a wrong password.
/// </summary>
public sealed class DestekSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.CanSignIn && await base.CanSignInAsync(user);
    }

    public override async Task<bool> ValidateSecurityStampAsync(AppUser? user, string? securityStamp) =>
        user is { CanSignIn: true } && await base.ValidateSecurityStampAsync(user, securityStamp);

    // Identity's own version neither checks the account nor counts failures ("codes are random"),
    // which would leave the second step open to guessing without lockout.
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }

        if (!await CanSignInAsync(user))
        {
            return SignInResult.NotAllowed;
        }

        if (await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        var redeemed = await UserManager.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode);
        if (redeemed.Succeeded)
        {
            await UserManager.ResetAccessFailedCountAsync(user);
            await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            await SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
            return SignInResult.Success;
        }

        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}

using System.Security.Claims;
using Destek.Core.Identity;
using Destek.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Destek.App.Account;

/// <summary>
/// Identity's claims, plus a mark on staff who must still set up two-factor sign-in: the Staff and
/// Admin policies refuse a principal with that mark, so the desk and the settings stay closed.
/// The cookie is revalidated on every request, so the mark follows the setting and the account.
/// </summary>
public sealed class StaffClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<int>> roleManager,
    IOptions<IdentityOptions> options,
    SecuritySettingsStore settings)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<int>>(userManager, roleManager, options)
{
    public const string TwoFactorSetupRequired = "destek:2fa-setup-required";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        var roleType = Options.ClaimsIdentity.RoleClaimType;
        var isStaff = identity.HasClaim(roleType, Roles.Admin) || identity.HasClaim(roleType, Roles.Agent);
        if (isStaff && !user.TwoFactorEnabled && await settings.RequireStaffTwoFactorAsync())
        {
            identity.AddClaim(new Claim(TwoFactorSetupRequired, "true"));
        }

        return identity;
    }

    public static bool MustSetUpTwoFactor(ClaimsPrincipal user) => user?.HasClaim(c => c.Type == TwoFactorSetupRequired) == true;
}

using Destek.Core.Identity;
using Destek.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Destek.App.Account;

/// <summary>Where a person goes after signing in, and the messages every sign-in path shares.</summary>
public static class AccountPaths
{
    /// <summary>One answer for an unknown e-mail, a wrong password, a locked or a deactivated account.</summary>
    public const string SignInFailed = "E-posta veya şifre hatalı ya da hesap geçici olarak kilitli.";
    public const string CodeFailed = "Kod hatalı ya da hesap geçici olarak kilitli.";

    private static bool IsStaffArea(string path) =>
        path.StartsWith("/masa", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/ayarlar", StringComparison.OrdinalIgnoreCase);

    /// <summary>A local path to return to, never another site (no scheme, no //, no \).</summary>
    public static string? SafeReturnUrl(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not '/' and not '\\' ? url : null;

    /// <summary>
    /// True when the account is active and unconfirmed and the password is right. A wrong password
    /// counts towards the lockout as on every sign-in path, and a locked account is not told anything.
    /// </summary>
    public static async Task<bool> AwaitsConfirmationAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (user.EmailConfirmed || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }

    /// <summary>
    /// The return URL, the desk for staff, the portal for customers (never a staff page) or the home
    /// page; the two-factor setup first when the admin requires it.
    /// </summary>
    public static async Task<string> LandingAsync(UserManager<AppUser> users, SecuritySettingsStore settings, AppUser user, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(user);
        var isStaff = await users.IsInRoleAsync(user, Roles.Admin) || await users.IsInRoleAsync(user, Roles.Agent);
        if (isStaff && !user.TwoFactorEnabled && await settings.RequireStaffTwoFactorAsync())
        {
            return AccountEndpoints.TwoFactorPath;
        }

        if (!isStaff && await users.IsInRoleAsync(user, Roles.Customer))
        {
            return SafeReturnUrl(returnUrl) is { } back && !IsStaffArea(back) ? back : "/portal";
        }

        return SafeReturnUrl(returnUrl) ?? (isStaff ? "/masa" : "/");
    }
}

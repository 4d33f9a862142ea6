using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Destek.Core.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Destek.App.Account;

/// <summary>
/// Reset tokens: protected (user, purpose, security stamp, expiry). Identity's own provider reads the
/// wall clock; this one reads <see cref="TimeProvider"/>. A reset changes the stamp, so a link works once.
/// </summary>
public sealed class PasswordResetTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountOptions> options)
    : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "DestekReset";

    private readonly IDataProtector _protector = protection.CreateProtector("Destek.Account.PasswordReset.v1");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var expires = clock.GetUtcNow().AddMinutes(options.Value.ResetLinkMinutes).UtcTicks;
        var payload = string.Join('\n', expires.ToString(CultureInfo.InvariantCulture), await manager.GetUserIdAsync(user), purpose, await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""))).Split('\n');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().UtcTicks <= expires
            && parts[1] == await manager.GetUserIdAsync(user)
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }
}

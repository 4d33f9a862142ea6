using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Destek.Core.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Destek.App.Account;

/// <summary>
/// Tokens for links mailed to a person: protected (user, purpose, security stamp, expiry). Identity's
/// own provider reads the wall clock; these read <see cref="TimeProvider"/>.
/// </summary>
public abstract class AccountLinkTokens(IDataProtectionProvider protection, TimeProvider clock, string protectorPurpose)
    : IUserTwoFactorTokenProvider<AppUser>
{
    private readonly IDataProtector _protector = protection.CreateProtector(protectorPurpose);

    /// <summary>How long a link works.</summary>
    protected abstract TimeSpan Lifetime { get; }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var expires = clock.GetUtcNow().Add(Lifetime).UtcTicks;
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

/// <summary>E-mail confirmation links of customer sign-up; they work for <see cref="AccountOptions.ConfirmLinkHours"/>.</summary>
public sealed class EmailConfirmationTokens(IDataProtectionProvider protection, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AccountOptions> options)
    : AccountLinkTokens(protection, clock, "Destek.Account.EmailConfirmation.v1")
{
    public const string ProviderName = "DestekConfirm";

    protected override TimeSpan Lifetime => TimeSpan.FromHours(options.Value.ConfirmLinkHours);
}

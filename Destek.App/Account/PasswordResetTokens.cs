using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Destek.App.Account;

/// <summary>Reset tokens (see <see cref="AccountLinkTokens"/>). A reset changes the stamp, so a link works once.</summary>
public sealed class PasswordResetTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountOptions> options)
    : AccountLinkTokens(protection, clock, "Destek.Account.PasswordReset.v1")
{
    public const string ProviderName = "DestekReset";

    protected override TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.ResetLinkMinutes);
}

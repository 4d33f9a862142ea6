using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Destek.Core.Webhooks;

/// <summary>
/// Webhook signing secrets must be readable to sign with, so they are encrypted with ASP.NET Core
/// Data Protection (keys in the data directory) rather than hashed.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Destek.Webhooks.SigningSecret.v1");

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string encrypted) => _protector.Unprotect(encrypted);
}

using System.Security.Cryptography;

namespace Destek.Core.Mail;

/// <summary>
/// The token in a mail's Reply-To (local+token@domain): 128 random bits in lower-case hex, because
/// some mail servers change the case of an address's local part.
/// </summary>
public static class ReplyTokens
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    public static string Address(string supportAddress, string token)
    {
        ArgumentNullException.ThrowIfNull(supportAddress);
        var at = supportAddress.LastIndexOf('@');
        return at < 0 ? $"{supportAddress}+{token}" : $"{supportAddress[..at]}+{token}@{supportAddress[(at + 1)..]}";
    }

    /// <summary>The token in an address of the support mailbox (local+token@domain), or null.</summary>
    public static string? Find(string address, string supportAddress)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(supportAddress);
        var at = address.LastIndexOf('@');
        var supportAt = supportAddress.LastIndexOf('@');
        if (at < 0 || supportAt < 0 || !address[(at + 1)..].Equals(supportAddress[(supportAt + 1)..], StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var prefix = supportAddress[..supportAt] + "+";
        var local = address[..at];
        if (!local.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = local[prefix.Length..].ToLowerInvariant();
        return token.Length == Length && token.All(char.IsAsciiHexDigitLower) ? token : null;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Destek.Core.Tickets;

/// <summary>
/// A private link to follow one ticket without an account (/takip/{token}), sent in the ticket's mails.
/// The token is 256 random bits shown only in the mail; the database keeps its SHA-256, so a copy of
/// the database opens no ticket. Revoking ends every link of the ticket at once.
/// </summary>
public sealed class TicketFollowLink
{
    public const int TokenBytes = 32;
    public const int HashLength = 64;

    private TicketFollowLink()
    {
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new link and its token, the only time the token exists in the clear.</summary>
    public static (TicketFollowLink Link, string Token) Issue(int ticketId, DateTime now)
    {
        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(TokenBytes));
        return (new TicketFollowLink { TicketId = ticketId, TokenHash = Hash(token), CreatedAt = now }, token);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>Tokens are exactly what <see cref="Issue"/> makes; anything else is not looked up at all.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlToken(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

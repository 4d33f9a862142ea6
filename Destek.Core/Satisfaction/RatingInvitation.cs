using System.Security.Cryptography;
using System.Text;

namespace Destek.Core.Satisfaction;

/// <summary>
/// The token behind a mail's rating links (/degerlendir/{token}). 256 random bits, only in the mail;
/// the database keeps its SHA-256 and when it expires. Used once: the first rating through it ends it.
/// </summary>
public sealed class RatingInvitation
{
    public const int TokenBytes = 32;
    public const int HashLength = 64;

    private RatingInvitation()
    {
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    public static (RatingInvitation Invitation, string Token) Issue(int ticketId, DateTime now, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new RatingInvitation { TicketId = ticketId, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + lifetime }, token);
    }

    public bool IsExpired(DateTime now) => now >= ExpiresAt;

    internal void Use(DateTime now) => UsedAt ??= now;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>Only what <see cref="Issue"/> makes is looked up at all.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using System.Security.Cryptography;
using System.Text;

namespace Destek.Core.Customers;

/// <summary>
/// The customer API's <c>sender_id</c>: one stable UUID per person. Someone with an account (staff
/// or customer) is their account's <c>AppUser.PublicId</c>. A requester without an account (a
/// /destek visitor, a mail sender) is a name-based UUID (RFC 9562 version 5) of their lowercased
/// e-mail address in Destek's namespace: the same on every ticket, nothing stored. A customer who
/// signs up gets that same UUID as their account's PublicId, so their id does not change.
/// </summary>
public static class SenderIds
{
    /// <summary>Destek's namespace for name-based ids (a fixed random UUID).</summary>
    private static readonly Guid Namespace = new("0f3f6c1e-5b0e-4c4b-9a51-7d2f3c9e8a10");

    public static Guid ForEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return NameBased("email:" + email.Trim().ToLowerInvariant());
    }

    /// <summary>The ticket's opening text is its first message; its id derives from the ticket's public id.</summary>
    public static Guid OpeningMessage(Guid ticketPublicId) => NameBased("opening:" + ticketPublicId.ToString("D"));

    /// <summary>Messages written by an API client or the system: one id per client, one for the system.</summary>
    public static Guid ForApiClient(int? apiClientId) => NameBased("api-client:" + apiClientId?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Guid NameBased(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // RFC 9562 version 5 is defined over SHA-1; it names, it does not protect.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

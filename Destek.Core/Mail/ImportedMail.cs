using System.Security.Cryptography;
using System.Text;

namespace Destek.Core.Mail;

public enum ImportedMailOutcome
{
    /// <summary>Claimed by an intake run that has not finished with it (or died while importing).</summary>
    Importing = 0,
    Replied = 1,
    Opened = 2,
    /// <summary>Nothing to import: an auto-reply, our own mail, or no text and no usable file.</summary>
    Skipped = 3,
}

/// <summary>
/// A mail the IMAP intake has taken (table ImportedMails), one row per Message-Id, unique. The row is
/// inserted before the import as a claim, so two nodes, or a second poll before \Seen was stored,
/// never import a message twice; a failed import removes its claim so the next poll tries again.
/// </summary>
public sealed class ImportedMail
{
    public const int MessageIdMaxLength = 250;

    private ImportedMail()
    {
    }

    public int Id { get; private set; }
    public string MessageId { get; private set; } = "";
    public int? TicketId { get; private set; }
    public ImportedMailOutcome Outcome { get; private set; }
    public string FromAddress { get; private set; } = "";
    public DateTime ImportedAt { get; private set; }

    public static ImportedMail Claim(string messageId, string fromAddress, DateTime now) => new()
    {
        MessageId = Key(messageId),
        FromAddress = fromAddress.Length > 254 ? fromAddress[..254] : fromAddress,
        Outcome = ImportedMailOutcome.Importing,
        ImportedAt = now,
    };

    public void Done(ImportedMailOutcome outcome, int? ticketId)
    {
        Outcome = outcome;
        TicketId = ticketId;
    }

    /// <summary>The stored form of a Message-Id: as it is, or a hash when it is longer than the column.</summary>
    public static string Key(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var id = messageId.Trim().Trim('<', '>');
        return id.Length <= MessageIdMaxLength ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}

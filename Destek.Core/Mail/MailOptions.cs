namespace Destek.Core.Mail;

/// <summary>The "Destek:Mail" section. Without Smtp:Host, mails are written as .eml files to the pickup directory.</summary>
public sealed class MailOptions
{
    public const string Section = "Destek:Mail";

    public string From { get; set; } = "destek@destek.local";
    public string FromName { get; set; } = "Destek";
    /// <summary>The team name that signs the mails (the support form document's text ends with it).</summary>
    public string Signature { get; set; } = "İmeceHub Destek Ekibi";
    /// <summary>Folder for .eml files, relative to the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";
    /// <summary>How often the outbox job looks for due mails.</summary>
    public int PollSeconds { get; set; } = 10;
    public int MaxAttempts { get; set; } = 6;
    /// <summary>First retry delay; each further attempt waits twice as long (at most an hour).</summary>
    public int BackoffSeconds { get; set; } = 30;
    public int BatchSize { get; set; } = 50;
    /// <summary>
    /// How long a sender holds a claimed mail. Must outlast one send (at least twice the SMTP timeout is
    /// used); when a node dies mid-send, another node sends the mail after this.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>
    /// The mailbox customers answer to (the one the IMAP intake reads). Replies go to
    /// local+token@domain of it; From when not set.
    /// </summary>
    public string? SupportAddress { get; set; }
    /// <summary>Where the app is reached from outside; the links in mails start with it.</summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:5000/");
    public ImapOptions Imap { get; set; } = new();

    /// <summary>The address replies are matched on.</summary>
    public string ReplyAddress => string.IsNullOrWhiteSpace(SupportAddress) ? From : SupportAddress.Trim();
}

/// <summary>The "Destek:Mail:Imap" section: the mailbox the intake reads customers' answers from. Off while Host is empty.</summary>
public sealed class ImapOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 993;
    /// <summary>None, StartTls, SslOnConnect or Auto (TLS on 993, STARTTLS when offered elsewhere).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string Folder { get; set; } = "INBOX";
    /// <summary>Imported mails are moved here after they are marked seen; left in Folder when empty.</summary>
    public string? ProcessedFolder { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public int TimeoutSeconds { get; set; } = 60;
    /// <summary>At most this many mails per poll, so one run stays short.</summary>
    public int BatchSize { get; set; } = 50;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    /// <summary>
    /// How the connection is secured. When not set, EnableSsl decides: false is a plain connection,
    /// true is TLS from the start on port 465 and STARTTLS on any other port.
    /// </summary>
    public SmtpSecurity? Security { get; set; }
    /// <summary>Sender address for SMTP; Destek:Mail:From when not set.</summary>
    public string? From { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public enum SmtpSecurity
{
    /// <summary>Plain text, no TLS.</summary>
    None = 0,
    /// <summary>Plain connect, then STARTTLS; fails when the server does not offer it.</summary>
    StartTls = 1,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect = 2,
    /// <summary>TLS on port 465, STARTTLS when the server offers it, else plain.</summary>
    Auto = 3,
}

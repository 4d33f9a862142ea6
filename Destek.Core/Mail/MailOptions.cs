namespace Destek.Core.Mail;

/// <summary>The "Destek:Mail" section. Without Smtp:Host, mails are written as .eml files to the pickup directory.</summary>
public sealed class MailOptions
{
    public const string Section = "Destek:Mail";

    public string From { get; set; } = "destek@destek.local";
    public string FromName { get; set; } = "Destek";
    /// <summary>The team name that signs the mails (seed-002's text ends with it).</summary>
    public string Signature { get; set; } = "İmeceHub Destek Ekibi";
    /// <summary>Folder for .eml files, relative to the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";
    /// <summary>How often the outbox job looks for due mails.</summary>
    public int PollSeconds { get; set; } = 10;
    public int MaxAttempts { get; set; } = 6;
    /// <summary>First retry delay; each further attempt waits twice as long (at most an hour).</summary>
    public int BackoffSeconds { get; set; } = 30;
    public int BatchSize { get; set; } = 50;
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    /// <summary>Sender address for SMTP; Destek:Mail:From when not set.</summary>
    public string? From { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

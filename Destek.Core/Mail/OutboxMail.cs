namespace Destek.Core.Mail;

public enum OutboxMailStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// One e-mail in the outbox (table MailOutbox). Written in the same transaction as the change that
/// causes it, sent later by <see cref="MailOutboxProcessor"/>; a failed send is retried with backoff
/// and never touches the ticket. A sender leases the row in the database before sending
/// (<see cref="LockedUntil"/>, <see cref="ClaimToken"/>), so two nodes never send it at once and a
/// crashed node's lease simply runs out.
/// </summary>
public sealed class OutboxMail
{
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    private OutboxMail()
    {
    }

    public int Id { get; private set; }
    /// <summary>Why it was written, e.g. ticket_confirmation, ticket_reply.</summary>
    public string Kind { get; private set; } = "";
    public int? TicketId { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public OutboxMailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    /// <summary>Set while a sender holds the row; after it passes, any sender may take the row again.</summary>
    public DateTime? LockedUntil { get; private set; }
    /// <summary>Which claim holds the row; the result of a send is saved only while it is still ours.</summary>
    public Guid? ClaimToken { get; private set; }
    /// <summary>The Message-Id the mail is sent with (without angle brackets), so an answer's In-Reply-To finds the ticket.</summary>
    public string? MessageId { get; private set; }
    /// <summary>The random part of the Reply-To address (local+token@domain), so an answer's recipient finds the ticket.</summary>
    public string? ReplyToken { get; private set; }

    public static OutboxMail Create(string kind, int? ticketId, string toAddress, string? toName, string subject, string body, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toAddress);
        ArgumentNullException.ThrowIfNull(subject);
        return new OutboxMail
        {
            Kind = kind,
            TicketId = ticketId,
            ToAddress = toAddress.Trim(),
            ToName = string.IsNullOrWhiteSpace(toName) ? null : toName.Trim(),
            Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject,
            Body = body ?? "",
            Status = OutboxMailStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    /// <summary>A mail the customer can answer: a fresh reply token and Message-Id in the support address's domain.</summary>
    public static OutboxMail CreateAnswerable(string kind, int ticketId, string toAddress, string? toName, string subject, string body, string supportAddress, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(supportAddress);
        var mail = Create(kind, ticketId, toAddress, toName, subject, body, now);
        var at = supportAddress.LastIndexOf('@');
        var domain = at >= 0 ? supportAddress[(at + 1)..] : "destek.local";
        mail.ReplyToken = ReplyTokens.New();
        mail.MessageId = $"{Guid.NewGuid():N}@{domain}";
        return mail;
    }

    public void MarkSent(DateTime now)
    {
        Attempts++;
        LastAttemptAt = now;
        Status = OutboxMailStatus.Sent;
        SentAt = now;
        LastError = null;
        Release();
    }

    /// <summary>Counts a failed attempt: the next one waits <paramref name="backoff"/>, or the mail is marked failed after the last.</summary>
    public void MarkAttemptFailed(string error, DateTime now, int maxAttempts, TimeSpan backoff)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        Release();
        if (Attempts >= maxAttempts)
        {
            Status = OutboxMailStatus.Failed;
            return;
        }

        NextAttemptAt = now + backoff;
    }

    /// <summary>An admin asks for another round of attempts.</summary>
    public void Retry(DateTime now)
    {
        if (Status != OutboxMailStatus.Failed)
        {
            return;
        }

        Status = OutboxMailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        Release();
    }

    private void Release()
    {
        LockedUntil = null;
        ClaimToken = null;
    }
}

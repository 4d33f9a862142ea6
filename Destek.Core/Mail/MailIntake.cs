using System.Security.Cryptography;
using System.Text;
using Destek.Core.Data;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Destek.Core.Mail;

/// <summary>What one poll did.</summary>
public sealed record MailIntakeResult(int Replied, int Opened, int Skipped, int Duplicates, int Failed);

/// <summary>
/// Reads customers' answers from the support mailbox over IMAP (Destek:Mail:Imap) and adds them to
/// their tickets through <see cref="TicketService"/>, so reopening, webhooks and live updates follow
/// the desk's rules. A mail belongs to a ticket by the reply token in its recipient address or by
/// In-Reply-To/References naming a mail we sent (or imported) for it, never by its subject; a mail
/// that names no ticket opens a new one. Each Message-Id is imported once (<see cref="ImportedMail"/>),
/// then the mail is marked \Seen and, when configured, moved to the processed folder.
/// </summary>
public sealed class MailIntake(
    IDbContextFactory<DestekDbContext> dbFactory,
    TicketService tickets,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailIntake> logger)
{
    public const string NoAttachmentText = "(Dosya ekli)";
    public const string MaxFilesReason = "En fazla bir dosya eklenebilir.";

    /// <summary>
    /// One pass over the unseen mails. <paramref name="cancellationToken"/> stops it between mails: a
    /// mail being imported is finished first, so a shutdown never leaves half an import.
    /// </summary>
    public async Task<MailIntakeResult> PollAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var imap = settings.Imap;
        if (!imap.IsEnabled)
        {
            return new MailIntakeResult(0, 0, 0, 0, 0);
        }

        int replied = 0, opened = 0, skipped = 0, duplicates = 0, failed = 0;
        using var client = new ImapClient { Timeout = Math.Max(1, imap.TimeoutSeconds) * 1000 };
        await client.ConnectAsync(imap.Host!, imap.Port, SocketOptions(imap), cancellationToken);
        if (!string.IsNullOrEmpty(imap.UserName))
        {
            await client.AuthenticateAsync(imap.UserName, imap.Password ?? "", cancellationToken);
        }

        var folder = await client.GetFolderAsync(imap.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var processed = string.IsNullOrWhiteSpace(imap.ProcessedFolder) ? null : await client.GetFolderAsync(imap.ProcessedFolder, cancellationToken);
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        foreach (var uid in unseen.Take(Math.Max(1, imap.BatchSize)))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            ImportedMailOutcome? outcome;
            try
            {
                var message = await folder.GetMessageAsync(uid, CancellationToken.None);
                outcome = await ImportAsync(message, settings, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left unseen, its claim removed: the next poll tries it again.
                failed++;
                logger.LogError(ex, "Mail {Uid} in {Folder} could not be imported", uid, imap.Folder);
                continue;
            }

            switch (outcome)
            {
                case ImportedMailOutcome.Replied: replied++; break;
                case ImportedMailOutcome.Opened: opened++; break;
                case ImportedMailOutcome.Skipped: skipped++; break;
                default: duplicates++; break;
            }

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, CancellationToken.None);
            if (processed is not null)
            {
                await folder.MoveToAsync(uid, processed, CancellationToken.None);
            }
        }

        await client.DisconnectAsync(quit: true, CancellationToken.None);
        return new MailIntakeResult(replied, opened, skipped, duplicates, failed);
    }

    /// <summary>Imports one message; null when its Message-Id was imported before.</summary>
    public async Task<ImportedMailOutcome?> ImportAsync(MimeMessage message, MailOptions settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var messageId = message.MessageId is { Length: > 0 } id ? id : SyntheticId(message);
        var claim = await ClaimAsync(messageId, from?.Address ?? "", cancellationToken);
        if (claim is null)
        {
            return null;
        }

        try
        {
            var (outcome, ticketId) = await ImportClaimedAsync(message, from, settings, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Attach(claim);
            claim.Done(outcome, ticketId);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.Set<ImportedMail>().Where(m => m.Id == claim.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<(ImportedMailOutcome Outcome, int? TicketId)> ImportClaimedAsync(MimeMessage message, MailboxAddress? from, MailOptions settings, CancellationToken cancellationToken)
    {
        if (from is null || IsAutomatic(message, settings))
        {
            logger.LogInformation("Mail {MessageId} skipped: automatic or without a sender", message.MessageId);
            return (ImportedMailOutcome.Skipped, null);
        }

        var (files, rejected) = await AttachmentsAsync(message, cancellationToken);
        var text = QuotedText.Strip(message.TextBody ?? (message.HtmlBody is { } html ? QuotedText.FromHtml(html) : ""));
        if (rejected.Count > 0)
        {
            text = (text + "\n\n" + string.Join('\n', rejected.Select(r => $"[Eklenmeyen dosya: {r.Name} — {r.Reason}]"))).Trim();
        }

        if (text.Length == 0)
        {
            if (files.Count == 0)
            {
                logger.LogInformation("Mail {MessageId} from {From} skipped: no text and no file", message.MessageId, from.Address);
                return (ImportedMailOutcome.Skipped, null);
            }

            text = NoAttachmentText;
        }

        text = text.Length > TicketMessage.BodyMaxLength ? text[..TicketMessage.BodyMaxLength] : text;
        var name = string.IsNullOrWhiteSpace(from.Name) ? from.Address.Split('@')[0] : from.Name.Trim();
        var actor = Actor.Customer(name, from.Address.ToLowerInvariant());
        if (await MatchAsync(message, settings, cancellationToken) is int ticketId)
        {
            await tickets.ReplyAsync(ticketId, text, actor, files, cancellationToken);
            return (ImportedMailOutcome.Replied, ticketId);
        }

        var ticket = await tickets.CreateAsync(new NewTicket
        {
            Title = Title(message.Subject),
            Description = text,
            DepartmentId = await DefaultDepartmentAsync(cancellationToken),
            Source = TicketSource.Email,
            RequesterName = name.Length > 100 ? name[..100] : name,
            RequesterEmail = from.Address,
        }, actor, files, cancellationToken);
        return (ImportedMailOutcome.Opened, ticket.Id);
    }

    /// <summary>The ticket a mail answers: by the reply token in a recipient address, else by the mails it answers. Never by subject.</summary>
    public async Task<int?> MatchAsync(MimeMessage message, MailOptions settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        var addresses = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList();
        foreach (var header in new[] { "Delivered-To", "X-Original-To", "Envelope-To" })
        {
            addresses.AddRange(message.Headers.Where(h => h.Field.Equals(header, StringComparison.OrdinalIgnoreCase))
                .Select(h => MailboxAddress.TryParse(h.Value.Trim(), out var a) ? a.Address : h.Value.Trim()));
        }

        var tokens = addresses.Select(a => ReplyTokens.Find(a, settings.ReplyAddress)).OfType<string>().Distinct().ToList();
        var answered = message.References.Prepend(message.InReplyTo).OfType<string>().Where(i => i.Length > 0).Select(ImportedMail.Key).Distinct().ToList();
        if (tokens.Count == 0 && answered.Count == 0)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byToken = tokens.Count == 0 ? null : await db.Set<OutboxMail>().AsNoTracking()
            .Where(m => m.ReplyToken != null && tokens.Contains(m.ReplyToken) && m.TicketId != null)
            .Select(m => m.TicketId).FirstOrDefaultAsync(cancellationToken);
        if (byToken is not null || answered.Count == 0)
        {
            return byToken;
        }

        return await db.Set<OutboxMail>().AsNoTracking()
                .Where(m => m.MessageId != null && answered.Contains(m.MessageId) && m.TicketId != null)
                .OrderByDescending(m => m.Id).Select(m => m.TicketId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Set<ImportedMail>().AsNoTracking()
                .Where(m => answered.Contains(m.MessageId) && m.TicketId != null)
                .OrderByDescending(m => m.Id).Select(m => m.TicketId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The support form's rules: one file, of its types and size; the others are named in the text instead.</summary>
    private static async Task<(List<IncomingFile> Files, List<(string Name, string Reason)> Rejected)> AttachmentsAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var files = new List<IncomingFile>();
        var rejected = new List<(string, string)>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            var name = AttachmentStore.SafeFileName(part.FileName ?? "dosya");
            using var buffer = new MemoryStream();
            if (part.Content is not null)
            {
                await part.Content.DecodeToAsync(buffer, cancellationToken);
            }

            var bytes = buffer.ToArray();
            var file = new IncomingFile(name, part.ContentType.MimeType, bytes.LongLength, () => new MemoryStream(bytes, writable: false));
            if (await SupportRequestValidator.CheckAttachmentAsync(file, cancellationToken) is { } problem)
            {
                rejected.Add((name, problem));
            }
            else if (files.Count > 0)
            {
                rejected.Add((name, MaxFilesReason));
            }
            else
            {
                files.Add(file);
            }
        }

        return (files, rejected);
    }

    /// <summary>Auto-replies and our own mails coming back would otherwise answer each other forever.</summary>
    private static bool IsAutomatic(MimeMessage message, MailOptions settings)
    {
        var autoSubmitted = message.Headers["Auto-Submitted"];
        return (autoSubmitted is { Length: > 0 } && !autoSubmitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            || message.Headers.Contains(MailKitTransport.MailIdHeader)
            || message.From.Mailboxes.Any(m => m.Address.Equals(settings.ReplyAddress, StringComparison.OrdinalIgnoreCase)
                || m.Address.Equals(settings.From, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Inserts the claim row; null when this Message-Id is (or is being) imported already.</summary>
    private async Task<ImportedMail?> ClaimAsync(string messageId, string fromAddress, CancellationToken cancellationToken)
    {
        var key = ImportedMail.Key(messageId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ImportedMail>().AnyAsync(m => m.MessageId == key, cancellationToken))
        {
            return null;
        }

        var claim = ImportedMail.Claim(messageId, fromAddress, clock.GetUtcNow().UtcDateTime);
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return claim;
        }
        catch (DbUpdateException)
        {
            // Another node claimed it between the look and the insert (the unique index said so).
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await check.Set<ImportedMail>().AnyAsync(m => m.MessageId == key, cancellationToken))
            {
                return null;
            }

            throw;
        }
    }

    private async Task<int> DefaultDepartmentAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .OrderByDescending(d => d.IsDefault).ThenBy(d => d.Id).Select(d => d.Id).FirstAsync(cancellationToken);
    }

    private static string Title(string? subject)
    {
        var title = (subject ?? "").Trim();
        title = title.Length == 0 ? "E-posta ile gelen talep" : title;
        return title.Length > Ticket.TitleMaxLength ? title[..Ticket.TitleMaxLength] : title;
    }

    /// <summary>A mail without a Message-Id still gets one stable key, from what it says and who sent it when.</summary>
    private static string SyntheticId(MimeMessage message)
    {
        var text = $"{message.From}\n{message.Date:O}\n{message.Subject}\n{message.TextBody ?? message.HtmlBody}";
        return "no-id-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static SecureSocketOptions SocketOptions(ImapOptions imap)
    {
        ArgumentNullException.ThrowIfNull(imap);
        return imap.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
    }
}

using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Destek.Core.Mail;

/// <summary>Delivers one outbox mail; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// MailKit: SMTP when Destek:Mail:Smtp:Host is set (TLS per <see cref="SmtpOptions.Security"/>, with
/// authentication when a user is set), else the pickup directory under the data directory, one .eml
/// file per mail written by MimeKit.
/// </summary>
public sealed class MailKitTransport(IOptions<MailOptions> options, DataDirectory dataDirectory) : IMailTransport
{
    public const string MailIdHeader = "X-Destek-Mail-Id";

    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = Compose(mail, settings);
        if (settings.Smtp.Host is not { Length: > 0 } host || string.IsNullOrWhiteSpace(host))
        {
            await WritePickupFileAsync(message, settings, cancellationToken);
            return;
        }

        await SendSmtpAsync(message, host, settings.Smtp, cancellationToken);
    }

    /// <summary>The MIME message for an outbox mail: UTF-8 plain text, the mail id in a header, Message-Id and Reply-To when the mail can be answered.</summary>
    public static MimeMessage Compose(OutboxMail mail, MailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(settings);
        var from = string.IsNullOrWhiteSpace(settings.Smtp.Host) || string.IsNullOrWhiteSpace(settings.Smtp.From) ? settings.From : settings.Smtp.From;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body },
        };
        message.From.Add(new MailboxAddress(settings.FromName, from));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.ToAddress));
        message.Headers.Add(MailIdHeader, mail.Id.ToString(CultureInfo.InvariantCulture));
        if (mail.MessageId is { } messageId)
        {
            message.MessageId = messageId;
        }

        if (mail.ReplyToken is { } token)
        {
            message.ReplyTo.Add(new MailboxAddress(settings.FromName, ReplyTokens.Address(settings.ReplyAddress, token)));
        }

        return message;
    }

    /// <summary>Maps the options onto MailKit's choice; EnableSsl stays the short form of the older setting.</summary>
    public static SecureSocketOptions SocketOptions(SmtpOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        return smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.Auto => SecureSocketOptions.Auto,
            _ when !smtp.EnableSsl => SecureSocketOptions.None,
            _ when smtp.Port == 465 => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
    }

    private async Task WritePickupFileAsync(MimeMessage message, MailOptions settings, CancellationToken cancellationToken)
    {
        // 7-bit transfer encodings, as a pickup reader or relay may not be 8-bit clean.
        message.Prepare(EncodingConstraint.SevenBit);
        var folder = dataDirectory.EnsureFolder(settings.PickupDirectory);
        var name = Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(folder, name + ".tmp");
        // Written aside and renamed, so a pickup reader never sees half a file.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }

    private static async Task SendSmtpAsync(MimeMessage message, string host, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)));
        using var client = new SmtpClient { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };
        await client.ConnectAsync(host, smtp.Port, SocketOptions(smtp), timeout.Token);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", timeout.Token);
        }

        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }
}

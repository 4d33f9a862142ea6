using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Destek.Core.Mail;

/// <summary>Delivers one outbox mail; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// System.Net.Mail (MailKit is not in our package mirror): SMTP when Destek:Mail:Smtp:Host is set,
/// else a pickup directory under the data directory, one .eml file per mail.
/// </summary>
public sealed class SystemNetMailTransport(IOptions<MailOptions> options, DataDirectory dataDirectory) : IMailTransport
{
    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = dataDirectory.EnsureFolder(settings.PickupDirectory);
        }
        else
        {
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.Host = smtp.Host;
            client.Port = smtp.Port;
            client.EnableSsl = smtp.EnableSsl;
            client.Timeout = smtp.TimeoutSeconds * 1000;
            if (!string.IsNullOrEmpty(smtp.User))
            {
                client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
            }
        }

        var from = string.IsNullOrWhiteSpace(smtp.Host) || string.IsNullOrWhiteSpace(smtp.From) ? settings.From : smtp.From;
        using var message = new MailMessage
        {
            From = new MailAddress(from, settings.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            Body = mail.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.ToAddress, mail.ToName, Encoding.UTF8));
        message.Headers.Add("X-Destek-Mail-Id", mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        await client.SendMailAsync(message, timeout.Token);
    }
}

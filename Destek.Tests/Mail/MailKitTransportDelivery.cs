using Destek.Core;
using Destek.Core.Mail;
using MailKit.Security;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Destek.Tests.Mail;

/// <summary>The MailKit transport: SMTP with authentication against a real server, TLS never silently skipped, and the .eml pickup folder.</summary>
public sealed class MailKitTransportDelivery(AuthSmtpServer smtp) : IClassFixture<AuthSmtpServer>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("destek-pickup").FullName;

    [Fact]
    public async Task SignsInAndTheMessageArrivesIntact()
    {
        var mail = Mail("Destek Talebiniz Alındı - TKT-20261123-0001", "Sayın Çağrı Öztürk,\n\nTalebiniz alındı: ığüşöç İĞÜŞÖÇ.");
        await Transport(SmtpSettings(AuthSmtpServer.Password)).SendAsync(mail, CancellationToken.None);

        var message = await ArrivedAsync("TKT-20261123-0001");
        Assert.Equal("Destek Talebiniz Alındı - TKT-20261123-0001", message.Subject);
        Assert.Equal("Sayın Çağrı Öztürk,\n\nTalebiniz alındı: ığüşöç İĞÜŞÖÇ.", (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("cagri@example.com", "Çağrı Öztürk"), (to.Address, to.Name));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("destek@example.com.tr", "Destek"), (from.Address, from.Name));
        Assert.Equal("0", message.Headers[MailKitTransport.MailIdHeader]);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndNothingIsSent()
    {
        var before = smtp.Received.Count();
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            Transport(SmtpSettings("yanlis")).SendAsync(Mail("Yanlış parola", "-"), CancellationToken.None));
        Assert.Equal(before, smtp.Received.Count());
    }

    [Fact]
    public async Task StartTlsAskedOfAServerWithoutItFailsInsteadOfSendingInPlainText()
    {
        var before = smtp.Received.Count();
        var settings = SmtpSettings(AuthSmtpServer.Password);
        settings.Smtp.Security = SmtpSecurity.StartTls;
        await Assert.ThrowsAsync<NotSupportedException>(() => Transport(settings).SendAsync(Mail("STARTTLS yok", "-"), CancellationToken.None));
        Assert.Equal(before, smtp.Received.Count());
    }

    [Fact]
    public async Task WithoutAHostEachMailIsOneSevenBitEmlInThePickupFolder()
    {
        var settings = new MailOptions { PickupDirectory = "mail" };
        await Transport(settings).SendAsync(Mail("Destek Talebiniz Yanıtlandı - TKT-1", "Siparişiniz kargoya verildi."), CancellationToken.None);

        var folder = Path.Combine(_data, "mail");
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.All(bytes, b => Assert.True(b < 128, "the file is 7-bit clean"));
        var message = await MimeMessage.LoadAsync(new MemoryStream(bytes));
        Assert.Equal("Destek Talebiniz Yanıtlandı - TKT-1", message.Subject);
        Assert.Equal("Siparişiniz kargoya verildi.", (message.TextBody ?? "").TrimEnd('\r', '\n'));
        Assert.Equal("destek@destek.local", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
    }

    [Theory]
    [InlineData(null, false, 25, SecureSocketOptions.None)]
    [InlineData(null, true, 587, SecureSocketOptions.StartTls)]
    [InlineData(null, true, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.None, true, 465, SecureSocketOptions.None)]
    [InlineData(SmtpSecurity.StartTls, false, 25, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, false, 25, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.Auto, false, 25, SecureSocketOptions.Auto)]
    public void SecurityOptionWinsElseEnableSslDecidesByPort(SmtpSecurity? security, bool enableSsl, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, MailKitTransport.SocketOptions(new SmtpOptions { Security = security, EnableSsl = enableSsl, Port = port }));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private MailOptions SmtpSettings(string password) => new()
    {
        Smtp = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = smtp.Port,
            User = AuthSmtpServer.User,
            Password = password,
            From = "destek@example.com.tr",
            TimeoutSeconds = 10,
        },
    };

    private MailKitTransport Transport(MailOptions settings) => new(Options.Create(settings),
        new DataDirectory(Options.Create(new DestekOptions { DataDirectory = _data }), new HostingEnvironment { ContentRootPath = _data }));

    private static OutboxMail Mail(string subject, string body) =>
        OutboxMail.Create("test", null, "cagri@example.com", "Çağrı Öztürk", subject, body, new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));

    private async Task<MimeMessage> ArrivedAsync(string subjectPart)
    {
        foreach (var file in smtp.Received)
        {
            var message = await MimeMessage.LoadAsync(file);
            if ((message.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal))
            {
                return message;
            }
        }

        throw new Xunit.Sdk.XunitException($"No message with '{subjectPart}' arrived; files: {string.Join(", ", smtp.Received)}");
    }
}

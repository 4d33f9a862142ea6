using Destek.Tests.Infrastructure;
using Destek.Tests.Mail;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>The app sending through SMTP on the given loopback port, with the outbox job polling every second.</summary>
public sealed class SmtpAppFactory(int port) : DestekAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:Mail:Smtp:Host"] = "127.0.0.1",
        ["Destek:Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Destek:Mail:Smtp:From"] = "destek@example.com.tr",
        ["Destek:Mail:Smtp:User"] = AuthSmtpServer.User,
        ["Destek:Mail:Smtp:Password"] = AuthSmtpServer.Password,
        ["Destek:Mail:PollSeconds"] = "1",
    };
}

/// <summary>A real SMTP server on loopback (Debian's python3-aiosmtpd, with sign-in) receives the confirmation mail the Quartz job sends.</summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class SupportMailSmtp : IAsyncLifetime
{
    private readonly AuthSmtpServer _smtp = new();

    public Task InitializeAsync() => _smtp.InitializeAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task TheOutboxJobDeliversTheConfirmationThroughSmtp()
    {
        await using var factory = new SmtpAppFactory(_smtp.Port);
        var number = await CreateTicketAsync(factory);

        (string Subject, string To, string Body)? mail = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (mail is null && DateTime.UtcNow < deadline)
        {
            mail = _smtp.Received.Select(f => ReadEml(File.ReadAllText(f)))
                .Where(m => m.Subject.Contains(number, StringComparison.Ordinal)).Select(m => ((string, string, string)?)m).FirstOrDefault();
            if (mail is null)
            {
                await Task.Delay(250);
            }
        }

        Assert.NotNull(mail);
        Assert.Equal($"Destek Talebiniz Alındı - {number}", mail.Value.Subject);
        Assert.Contains("ahmet@example.com", mail.Value.To, StringComparison.Ordinal);
        Assert.Contains($"Talep numarası: {number}", mail.Value.Body, StringComparison.Ordinal);
        Assert.Contains("Durum: Açık", mail.Value.Body, StringComparison.Ordinal);
        var ticket = await TicketAsync(factory, number);
        var deliveredDeadline = DateTime.UtcNow.AddSeconds(10);
        while ((await MailsForAsync(factory, ticket.Id)).Single().Status != Core.Mail.OutboxMailStatus.Sent && DateTime.UtcNow < deliveredDeadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(Core.Mail.OutboxMailStatus.Sent, (await MailsForAsync(factory, ticket.Id)).Single().Status);
    }
}

using Destek.Core.Mail;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Destek.Tests.Mail.MailIntakeKit;

namespace Destek.Tests.Mail;

/// <summary>
/// Customers' answers read from a real IMAP server (dovecot on loopback) into their tickets: matched by
/// the reply token or by In-Reply-To, never by subject; quoted history and signatures stripped; files
/// under the form's rules; each Message-Id once. The mails answered were sent through a real SMTP server.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MailIntakeImport(MailServers servers) : IClassFixture<MailServers>
{
    private IntakeAppFactory App => servers.App;

    [Fact]
    public async Task AnAnswerToTheSentMailLandsOnTheTicketByItsReplyTokenAndReopensIt()
    {
        var ticket = await OpenAsync(App, "Ayşe Kaya", "ayse@example.com");
        var tickets = App.Services.GetRequiredService<TicketService>();
        var admin = await AdminAsync(App);
        await tickets.ReplyAsync(ticket.Id, "Kargonuz yola çıktı.", admin);
        await tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, admin);

        var sent = await ReceivedAsync($"Destek Talebiniz Yanıtlandı - {ticket.Number}");
        var row = (await MailsAsync(App, ticket.Id)).Single(m => m.Kind == TicketMailHandler.ReplyKind);
        Assert.Equal($"destek+{row.ReplyToken}@destek.example", Assert.IsType<MailboxAddress>(Assert.Single(sent.ReplyTo)).Address);
        Assert.Equal(row.MessageId, sent.MessageId);

        // Only the address carries the match: no In-Reply-To, a subject of its own.
        await servers.Imap.DeliverAsync(Answer("Ayşe Kaya", "ayse@example.com", ((MailboxAddress)sent.ReplyTo[0]).Address, "Kargo",
            "Hâlâ gelmedi, kontrol eder misiniz?\n\n23 Kas 2026 Pzt, 10:00 tarihinde Destek <destek@destek.example>\nşunu yazdı:\n> Kargonuz yola çıktı.\n"));
        var result = await PollAsync(App);

        Assert.Equal(new MailIntakeResult(1, 0, 0, 0, 0), result);
        var answer = (await MessagesAsync(App, ticket.Id)).Last();
        Assert.Equal((AuthorKind.Customer, "Hâlâ gelmedi, kontrol eder misiniz?", "Ayşe Kaya"), (answer.AuthorKind, answer.Body, answer.AuthorName));
        Assert.Equal(TicketStatus.Open, (await TicketAsync(App, ticket.Id)).Status);
        Assert.Equal(0, await servers.Imap.UnseenAsync());
    }

    [Fact]
    public async Task AnAnswerWithoutTheTokenIsMatchedByInReplyToKeepsTheAllowedFileAndNamesTheRefusedOne()
    {
        var ticket = await OpenAsync(App, "Can Er", "can@example.com");
        var confirmation = (await MailsAsync(App, ticket.Id)).Single(m => m.Kind == TicketMailHandler.ConfirmationKind);
        var answer = Answer("Can Er", "can@example.com", ImapServer.Address, "Re: fatura",
            "Fatura ekte.\n\nFrom: Destek <destek@destek.example>\nSent: Monday, November 23, 2026 10:00 AM\nTo: Can Er\nSubject: Destek Talebiniz Alındı\n\nEski metin\n");
        answer.InReplyTo = confirmation.MessageId;
        answer.References.Add(confirmation.MessageId!);
        var body = new Multipart("mixed") { answer.Body! };
        body.Add(File("fatura.pdf", "application/pdf", SupportForm.SupportFormKit.Pdf()));
        body.Add(File("virus.exe", "application/octet-stream", SupportForm.SupportFormKit.Executable()));
        answer.Body = body;
        await servers.Imap.DeliverAsync(answer);

        Assert.Equal(1, (await PollAsync(App)).Replied);

        var message = (await MessagesAsync(App, ticket.Id)).Last();
        Assert.Equal($"Fatura ekte.\n\n[Eklenmeyen dosya: virus.exe — {SupportRequestValidator.AttachmentWrongType}]", message.Body);
        var file = Assert.Single((await TicketAsync(App, ticket.Id)).Attachments);
        Assert.Equal(("fatura.pdf", message.Id), (file.FileName, file.MessageId));
    }

    [Fact]
    public async Task TheSameMessageIdIsImportedOnce()
    {
        var ticket = await OpenAsync(App, "Deniz Ak", "deniz@example.com");
        var confirmation = (await MailsAsync(App, ticket.Id)).Single();
        var answer = Answer("Deniz Ak", "deniz@example.com", ImapServer.Address, "Re: talep", "Bir kez eklenmeli.");
        answer.InReplyTo = confirmation.MessageId;
        await servers.Imap.DeliverAsync(answer);
        await servers.Imap.DeliverAsync(answer);

        Assert.Equal(new MailIntakeResult(1, 0, 0, 1, 0), await PollAsync(App));
        Assert.Equal(new MailIntakeResult(0, 0, 0, 0, 0), await PollAsync(App));
        Assert.Equal(["Bir kez eklenmeli."], (await MessagesAsync(App, ticket.Id)).Select(m => m.Body));
        var key = ImportedMail.Key(answer.MessageId!);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ImportedMail>().CountAsync(m => m.MessageId == key)));
    }

    [Fact]
    public async Task AMailThatNamesNoTicketOpensOneForItsSender()
    {
        await servers.Imap.DeliverAsync(Answer("Mehmet Demir", "Mehmet@Example.com", ImapServer.Address, "Faturamı göremiyorum",
            "Merhaba,\nfaturamı panelde göremiyorum.\n\n-- \nMehmet Demir\nMuhasebe"));

        Assert.Equal(1, (await PollAsync(App)).Opened);

        var ticket = await App.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Title == "Faturamı göremiyorum"));
        Assert.Equal((TicketSource.Email, "mehmet@example.com", "Mehmet Demir", "Merhaba,\nfaturamı panelde göremiyorum."),
            (ticket.Source, ticket.RequesterEmail, ticket.RequesterName, ticket.Description));
        var confirmation = Assert.Single(await MailsAsync(App, ticket.Id));
        Assert.Equal(TicketMailHandler.ConfirmationKind, confirmation.Kind);
        Assert.NotNull(FollowToken(confirmation.Body));
    }

    [Fact]
    public async Task ASubjectNamingATicketIsNotEnoughToAnswerIt()
    {
        var ticket = await OpenAsync(App, "Ece Su", "ece@example.com");
        var subject = $"Re: Destek Talebiniz Alındı - {ticket.Number}";
        await servers.Imap.DeliverAsync(Answer("Ece Su", "ece@example.com", ImapServer.Address, subject, "Konu satırı aynı, başka bir şey yok."));

        Assert.Equal(new MailIntakeResult(0, 1, 0, 0, 0), await PollAsync(App));

        Assert.Empty(await MessagesAsync(App, ticket.Id));
        var opened = await App.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Title == subject));
        Assert.NotEqual(ticket.Id, opened.Id);
    }

    private static MimePart File(string name, string type, byte[] bytes) => new(type)
    {
        Content = new MimeContent(new MemoryStream(bytes)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = name,
    };

    private async Task<MimeMessage> ReceivedAsync(string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var path in servers.Smtp.Received)
            {
                var message = await MimeMessage.LoadAsync(path);
                if (message.Subject == subject)
                {
                    return message;
                }
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"No mail '{subject}' arrived over SMTP.");
    }
}

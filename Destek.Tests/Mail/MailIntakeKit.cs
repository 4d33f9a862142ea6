using System.Globalization;
using System.Text.RegularExpressions;
using Destek.Core.Data;
using Destek.Core.Mail;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Destek.Tests.Mail;

/// <summary>The app reading the loopback dovecot mailbox (the job waits an hour; tests poll themselves) and, when given, sending through aiosmtpd.</summary>
public sealed class IntakeAppFactory(int imapPort, int? smtpPort) : DestekAppFactory
{
    public const string PublicUrl = "https://destek.test/";

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Destek:Mail:SupportAddress"] = ImapServer.Address,
                ["Destek:Mail:PublicUrl"] = PublicUrl,
                ["Destek:Mail:Imap:Host"] = "127.0.0.1",
                ["Destek:Mail:Imap:Port"] = imapPort.ToString(CultureInfo.InvariantCulture),
                ["Destek:Mail:Imap:Security"] = "None",
                ["Destek:Mail:Imap:UserName"] = ImapServer.User,
                ["Destek:Mail:Imap:Password"] = ImapServer.Password,
                ["Destek:Mail:Imap:PollInterval"] = "01:00:00",
            };
            if (smtpPort is int port)
            {
                settings["Destek:Mail:Smtp:Host"] = "127.0.0.1";
                settings["Destek:Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
                settings["Destek:Mail:Smtp:From"] = ImapServer.Address;
                settings["Destek:Mail:Smtp:User"] = AuthSmtpServer.User;
                settings["Destek:Mail:Smtp:Password"] = AuthSmtpServer.Password;
                settings["Destek:Mail:PollSeconds"] = "1";
            }

            return settings;
        }
    }
}

/// <summary>A real IMAP server, a real SMTP server and the app between them, shared by one test class.</summary>
public sealed class MailServers : IAsyncLifetime
{
    public ImapServer Imap { get; } = new();
    public AuthSmtpServer Smtp { get; } = new();
    public IntakeAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Imap.InitializeAsync(), Smtp.InitializeAsync());
        App = new IntakeAppFactory(Imap.Port, Smtp.Port);
        _ = App.Services;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await App.DisposeAsync();
        }
        finally
        {
            await Task.WhenAll(Imap.DisposeAsync(), Smtp.DisposeAsync());
        }
    }
}

public static partial class MailIntakeKit
{
    public static async Task<Ticket> OpenAsync(DestekAppFactory app, string name, string email, string title = "Sipariş Sorunu")
    {
        ArgumentNullException.ThrowIfNull(app);
        var department = await app.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());
        return await app.Services.GetRequiredService<TicketService>().CreateAsync(new NewTicket
        {
            Title = title,
            Description = "Siparişim henüz gelmedi, durumunu kontrol edebilir misiniz?",
            DepartmentId = department,
            Source = TicketSource.WebForm,
            RequesterName = name,
            RequesterEmail = email,
        }, Actor.Customer(name, email));
    }

    public static async Task<Actor> AdminAsync(DestekAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync());
        return Actor.Staff((await app.Services.GetRequiredService<StaffDirectory>().FindAsync(id))!);
    }

    public static Task<List<TicketMessage>> MessagesAsync(DestekAppFactory app, int ticketId) =>
        app.WithDbAsync(db => db.TicketMessages.Where(m => m.TicketId == ticketId).OrderBy(m => m.Id).ToListAsync());

    public static Task<Ticket> TicketAsync(DestekAppFactory app, int ticketId) =>
        app.WithDbAsync(db => db.Tickets.Include(t => t.Attachments).SingleAsync(t => t.Id == ticketId));

    public static Task<List<OutboxMail>> MailsAsync(DestekAppFactory app, int ticketId) =>
        app.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.TicketId == ticketId).OrderBy(m => m.Id).ToListAsync());

    public static Task<MailIntakeResult> PollAsync(DestekAppFactory app) =>
        app.Services.GetRequiredService<MailIntake>().PollAsync();

    /// <summary>The follow token in a mail body's /takip/ link, or null.</summary>
    public static string? FollowToken(string body)
    {
        var match = FollowLink().Match(body);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static MimeMessage Answer(string fromName, string fromAddress, string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("musteri.example");
        return message;
    }

    [GeneratedRegex(@"/takip/([A-Za-z0-9_-]{43})")]
    private static partial Regex FollowLink();
}

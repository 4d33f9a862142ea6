using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Destek.Tests.Infrastructure;
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
        ["Destek:Mail:PollSeconds"] = "1",
    };
}

/// <summary>A real SMTP server on loopback (Debian's python3-aiosmtpd) receives the confirmation mail the Quartz job sends.</summary>
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class SupportMailSmtp : IAsyncLifetime
{
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "destek-tests", "maildir-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort();
    private Process? _server;

    public async Task InitializeAsync()
    {
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{_port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    [Fact]
    public async Task TheOutboxJobDeliversTheConfirmationThroughSmtp()
    {
        await using var factory = new SmtpAppFactory(_port);
        var number = await CreateTicketAsync(factory);

        var received = Path.Combine(_maildir, "new");
        (string Subject, string To, string Body)? mail = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (mail is null && DateTime.UtcNow < deadline)
        {
            mail = Directory.Exists(received)
                ? Directory.GetFiles(received).Select(f => ReadEml(File.ReadAllText(f)))
                    .Where(m => m.Subject.Contains(number, StringComparison.Ordinal)).Select(m => ((string, string, string)?)m).FirstOrDefault()
                : null;
            if (mail is null)
            {
                await Task.Delay(250);
            }
        }

        Assert.NotNull(mail);
        Assert.Equal($"Destek Talebiniz Alındı - {number}", mail.Value.Subject);
        Assert.Contains("ahmet@example.com", mail.Value.To, StringComparison.Ordinal);
        Assert.Contains($"Ticket Numarası: {number}", mail.Value.Body, StringComparison.Ordinal);
        Assert.Contains("Durum: Açık", mail.Value.Body, StringComparison.Ordinal);
        var ticket = await TicketAsync(factory, number);
        var deliveredDeadline = DateTime.UtcNow.AddSeconds(10);
        while ((await MailsForAsync(factory, ticket.Id)).Single().Status != Core.Mail.OutboxMailStatus.Sent && DateTime.UtcNow < deliveredDeadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(Core.Mail.OutboxMailStatus.Sent, (await MailsForAsync(factory, ticket.Id)).Single().Status);
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(5000);
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_maildir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Destek.Tests.Infrastructure;

/// <summary>
/// Debian's dovecot as a real IMAP server on a loopback port: its own generated config in a temporary
/// folder, one user from a static passwd-file, Maildir in the same folder, plain-text login (this is a
/// test on loopback). Dovecot refuses to run its login process as root, so under root the whole server
/// runs as "nobody". Tests deliver mail by APPEND through MailKit.
/// </summary>
public sealed class ImapServer : IAsyncLifetime
{
    public const string User = "destek";
    public const string Password = "Imap.Parola-1";
    public const string Address = "destek@destek.example";

    private const string Dovecot = "/usr/sbin/dovecot";
    private readonly string _root = Directory.CreateTempSubdirectory("destek-imap").FullName;
    private Process? _server;

    public int Port { get; } = FreePort();

    public async Task InitializeAsync()
    {
        var root = (await RunAsync("/usr/bin/id", "-u")).Trim() == "0";
        var (user, group) = root ? ("nobody", "nogroup") : ((await RunAsync("/usr/bin/id", "-un")).Trim(), (await RunAsync("/usr/bin/id", "-gn")).Trim());

        foreach (var folder in new[] { "run", "state", "mail", "home" })
        {
            Directory.CreateDirectory(Path.Combine(_root, folder));
        }

        await File.WriteAllTextAsync(Path.Combine(_root, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "dovecot.conf"), $$"""
            base_dir = {{_root}}/run
            state_dir = {{_root}}/state
            log_path = {{_root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{user}}
            default_internal_group = {{group}}
            default_login_user = {{user}}
            mail_location = maildir:{{_root}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_root}}/passwd
            }
            userdb {
              driver = static
              args = uid={{user}} gid={{group}} home={{_root}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            """);
        ProcessStartInfo start;
        if (root)
        {
            await RunAsync("/bin/chown", "-R", $"{user}:{group}", _root);
            start = new ProcessStartInfo("/usr/sbin/runuser") { ArgumentList = { "-u", user, "--", Dovecot, "-F", "-c", Path.Combine(_root, "dovecot.conf") } };
        }
        else
        {
            start = new ProcessStartInfo(Dovecot) { ArgumentList = { "-F", "-c", Path.Combine(_root, "dovecot.conf") } };
        }

        start.UseShellExecute = false;
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        _server = Process.Start(start) ?? throw new InvalidOperationException("dovecot did not start.");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = await ConnectAsync();
                await client.DisconnectAsync(true);
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or ImapProtocolException or AuthenticationException && DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(200);
            }
            catch (Exception ex) when (ex is SocketException or IOException or ImapProtocolException or AuthenticationException)
            {
                var log = File.Exists(Path.Combine(_root, "dovecot.log")) ? await File.ReadAllTextAsync(Path.Combine(_root, "dovecot.log")) : "";
                throw new InvalidOperationException($"dovecot is not answering on {Port}: {log} {(_server.HasExited ? await _server.StandardError.ReadToEndAsync() : "")}", ex);
            }
        }
    }

    /// <summary>A signed-in client; the caller disposes it.</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { Timeout = 10_000 };
        try
        {
            await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
            await client.AuthenticateAsync(User, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Delivers a mail into the inbox, unseen, as a mail server would.</summary>
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many mails in the inbox are still unseen.</summary>
    public async Task<int> UnseenAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = (await client.Inbox.SearchAsync(SearchQuery.NotSeen)).Count;
        await client.DisconnectAsync(true);
        return count;
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            try
            {
                _server.Kill(entireProcessTree: true);
                // A CI machine under load can take longer than a few seconds to reap dovecot's process tree; the kill
                // is sent, and a late exit is not the test's failure (it failed a class's clean-up once).
                await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Exited between the check and the kill, or still exiting.
            }
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the OS to clean.
        }
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The port as configuration wants it.</summary>
    public string PortText => Port.ToString(CultureInfo.InvariantCulture);
}

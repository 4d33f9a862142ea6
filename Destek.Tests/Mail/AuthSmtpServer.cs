using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Destek.Tests.Mail;

/// <summary>
/// Debian's aiosmtpd on a loopback port, requiring AUTH (PLAIN/LOGIN over plain text, this is a test)
/// with one user; every accepted message is written to <see cref="Folder"/> as an .eml file.
/// </summary>
public sealed class AuthSmtpServer : IAsyncLifetime
{
    public const string User = "destek";
    public const string Password = "Gizli.Parola-1";

    private const string Script = """
        import os, sys, threading, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        port, folder, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3].encode(), sys.argv[4].encode()

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                path = os.path.join(folder, "%d.eml" % time.time_ns())
                with open(path + ".tmp", "wb") as f:
                    f.write(envelope.original_content)
                os.rename(path + ".tmp", path)
                return "250 OK"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password
            return AuthResult(success=ok, handled=False)

        controller = Controller(Handler(), hostname="127.0.0.1", port=port, authenticator=authenticator,
                                auth_required=True, auth_require_tls=False)
        controller.start()
        print("ready", flush=True)
        threading.Event().wait()
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("destek-smtp").FullName;
    private Process? _server;

    public int Port { get; } = FreePort();

    public string Folder => Path.Combine(_root, "received");

    public IEnumerable<string> Received => Directory.GetFiles(Folder, "*.eml");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var script = Path.Combine(_root, "server.py");
        await File.WriteAllTextAsync(script, Script);
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder, User, Password },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var ready = await _server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
        {
            throw new InvalidOperationException("aiosmtpd failed: " + await _server.StandardError.ReadToEndAsync());
        }
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            try
            {
                _server.Kill(entireProcessTree: true);
                _server.WaitForExit(30_000);
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
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

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

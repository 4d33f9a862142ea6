using System.Diagnostics;
using System.Text.Json;
using Destek.App.Cli;

namespace Destek.Tests.Cli;

/// <summary>
/// The admin command line as an operator runs it: the app's own executable, in a fresh working
/// directory, with configuration on the command line.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AdminCommandLine : IDisposable
{
    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "destek-cli-tests", Guid.NewGuid().ToString("N"));

    public AdminCommandLine() => Directory.CreateDirectory(_workingDirectory);

    private string StrayDatabaseDirectory => Path.Combine(_workingDirectory, "data");

    [Theory]
    [InlineData("organisations", "list")]
    [InlineData("api-clinets", "create", "--name", "ERP")]
    [InlineData("users")]
    [InlineData("api-clients", "delete", "--client", "k")]
    public async Task AnUnknownCommandPrintsTheCommandsAndExits2(params string[] args)
    {
        // Today's misspelling started the web server: the run would then hit the timeout below.
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        using var json = JsonDocument.Parse(error);
        Assert.StartsWith("Bilinmeyen komut", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        var commands = json.RootElement.GetProperty("commands").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Contains(commands, c => c.StartsWith("api-clients create --name", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("users create --email", StringComparison.Ordinal));
        Assert.False(Directory.Exists(StrayDatabaseDirectory));
    }

    [Theory]
    [InlineData("--name", "ERP Sistemi", "--Destek:DataDirectory")]
    [InlineData("--departments", "1")]
    [InlineData("--name", "ERP Sistemi", "--rate-limit", "çok")]
    [InlineData("--name", "ERP Sistemi", "--departmens", "1,2")]
    [InlineData("--name", "ERP Sistemi", "fazlalık")]
    public async Task AUsageErrorCreatesNoDatabase(params string[] options)
    {
        var configured = Path.Combine(_workingDirectory, "srv");
        var (code, output, error) = await RunAsync(["api-clients", "create", .. options, "--Destek:DataDirectory=" + configured]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(error).RootElement.GetProperty("error").GetString()));
        Assert.False(Directory.Exists(StrayDatabaseDirectory), "a stray ./data appeared");
        Assert.False(Directory.Exists(configured), "the configured data directory was created");
    }

    [Fact]
    public async Task ConfigurationIsTakenFromTheCommandLineInBothForms()
    {
        var configured = Path.Combine(_workingDirectory, "srv", "destek");

        var (code, output, error) = await RunAsync("api-clients", "create", "--name", "CLI ERP", "--Destek:DataDirectory", configured);
        Assert.True(code == 0, error);
        var key = JsonDocument.Parse(output).RootElement.GetProperty("api_key").GetString();
        Assert.True(File.Exists(Path.Combine(configured, "destek.db")));

        (code, output, error) = await RunAsync("api-clients", "list", "--Destek:DataDirectory=" + configured);
        Assert.True(code == 0, error);
        Assert.Equal([key], JsonDocument.Parse(output).RootElement.EnumerateArray().Select(c => c.GetProperty("api_key").GetString()));
        Assert.False(Directory.Exists(StrayDatabaseDirectory), "a stray ./data appeared");
    }

    [Fact]
    public void ArgumentsThatStartTheServerAreNotACommand()
    {
        Assert.Null(AdminCli.Recognize([]));
        Assert.Null(AdminCli.Recognize(["--urls", "http://127.0.0.1:5000"]));
        Assert.Null(AdminCli.Recognize(["--Destek:DataDirectory=/srv/destek"]));
        Assert.Null(AdminCli.Recognize(["Destek:DataDirectory=/srv/destek"]));
    }

    [Fact]
    public void ConfigurationOptionsGoToTheHostAndTheRestToTheCommand()
    {
        var cli = AdminCli.Recognize(["api-clients", "create", "--Logging:LogLevel:Default", "Debug", "--name=ERP", "--environment", "Staging", "--Destek:DataDirectory", "/srv/destek"]);

        Assert.NotNull(cli);
        Assert.Null(cli.UsageError);
        Assert.Equal(["--Logging:LogLevel:Default=Debug", "--environment=Staging", "--Destek:DataDirectory=/srv/destek"], cli.ConfigurationArgs);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: the temp folder is not the evidence.
        }
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Destek.App.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(' ', args)} did not exit within 60 s (did it start the web server?)");
        }

        return (process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }
}

using System.Globalization;
using System.Text.Json;
using Destek.Core.Identity;

namespace Destek.App.Cli;

/// <summary>
/// The admin command line, in the app's own executable and configuration:
/// <c>dotnet run --project Destek.App -- users create --email E --role Agent --password P [--departments 1,2]</c>.
/// Configuration is accepted as the server accepts it (<c>--Destek:DataDirectory=/srv/destek</c> or
/// <c>--Destek:DataDirectory /srv/destek</c>). Every command prints JSON on stdout; errors go to stderr
/// with exit code 1 (2 for bad usage, which is found before the host or the database is touched).
/// Add a command by adding a row to <see cref="Commands"/>.
/// </summary>
public static class AdminCli
{
    private static readonly CliCommand[] Commands =
    [
        new("users create", UserCommands.CreateAsync,
            new("email", CliValue.Text, Required: true), new("role", CliValue.Text, Required: true), new("password", CliValue.Text, Required: true),
            new("name", CliValue.Text), new("departments", CliValue.Numbers)),
        new("api-clients create", ApiClientCommands.CreateAsync,
            new("name", CliValue.Text, Required: true), new("departments", CliValue.Numbers), new("rate-limit", CliValue.Number)),
        new("api-clients rotate-secret", ApiClientCommands.RotateSecretAsync, new CliOption("client", CliValue.Text, Required: true)),
        new("api-clients list", ApiClientCommands.ListAsync),
        new("webhooks create", ApiClientCommands.CreateWebhookAsync,
            new("client", CliValue.Text, Required: true), new("url", CliValue.Text, Required: true), new("events", CliValue.Texts, Required: true),
            new("secret", CliValue.Text), new("max-attempts", CliValue.Number), new("retry-delay-seconds", CliValue.Number)),
        new("api-clients update", ApiClientCommands.UpdateAsync,
            new("client", CliValue.Text, Required: true), new("name", CliValue.Text), new("departments", CliValue.Text), new("rate-limit", CliValue.Number)),
        new("webhooks update", WebhookCommands.UpdateAsync,
            new("id", CliValue.Number, Required: true), new("url", CliValue.Text), new("events", CliValue.Texts),
            new("max-attempts", CliValue.Number), new("retry-delay-seconds", CliValue.Number)),
        new("webhooks delete", WebhookCommands.DeleteAsync, new CliOption("id", CliValue.Number, Required: true)),
        new("einvoice-tokens create", EInvoiceCommands.CreateTokenAsync,
            new("organization", CliValue.Number, Required: true), new("name", CliValue.Text, Required: true), new("abilities", CliValue.Texts, Required: true),
            new("expires-days", CliValue.Number, Required: true), new("allow-ip", CliValue.Texts), new("owner", CliValue.Text)),
        new("einvoice-tokens list", EInvoiceCommands.ListTokensAsync, new CliOption("organization", CliValue.Number)),
        new("organizations list", EInvoiceCommands.ListOrganizationsAsync),
        new("einvoice-tokens revoke", EInvoiceCommands.RevokeTokenAsync, new CliOption("id", CliValue.Number, Required: true)),
        new("modules set", EInvoiceCommands.SetModuleAsync,
            new("organization", CliValue.Number, Required: true), new("module", CliValue.Text, Required: true), new("until", CliValue.Text, Required: true)),
        new("einvoice-webhooks create", EInvoiceWebhookCommands.CreateAsync,
            new("organization", CliValue.Number, Required: true), new("url", CliValue.Text, Required: true), new("events", CliValue.Texts, Required: true),
            new("secret", CliValue.Text)),
        new("einvoice-webhooks test", EInvoiceWebhookCommands.TestAsync, new CliOption("id", CliValue.Number, Required: true)),
        .. OrganizationKeyCommands.Commands,
    ];

    /// <summary>Top-level keys the host reads besides sections (which always contain ':').</summary>
    private static readonly HashSet<string> HostKeys = new(["environment", "contentRoot", "applicationName", "urls", "AllowedHosts"], StringComparer.OrdinalIgnoreCase);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Turkish letters stay readable on the terminal; this output is never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Null when the arguments start the web server: none, or only configuration (<c>--urls ...</c>,
    /// <c>Key=value</c>). Anything else is a command, known or not, so a misspelling never starts the server.
    /// </summary>
    public static CliInvocation? Recognize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].StartsWith('/') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Parse(args);
        }
        catch (CliUsageException ex)
        {
            return new CliInvocation(null, null, [], ex);
        }
    }

    /// <summary>Logs go to stderr in CLI mode so stdout stays pure JSON.</summary>
    public static void ConfigureLogging(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    }

    /// <summary>Runs a command on services already built (configuration arguments are then ignored: the host has its configuration).</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        return RunAsync(services, Recognize(args) ?? new CliInvocation(null, null, [], new CliUsageException("Komut eksik.")), output, error);
    }

    public static async Task<int> RunAsync(IServiceProvider services, CliInvocation invocation, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (invocation.UsageError is { } usage)
        {
            return await WriteUsageErrorAsync(usage, error);
        }

        try
        {
            var result = await invocation.Command!.Run(services, invocation.Arguments!);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            return 0;
        }
        catch (CliUsageException ex)
        {
            return await WriteUsageErrorAsync(ex, error);
        }
        catch (Exception ex) when (ex is UserAdminException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync(JsonSerializer.Serialize(new { error = ex.Message }, Json));
            return 1;
        }
    }

    /// <summary>Prints a usage error (with the command list when the command itself was not understood); exit code 2.</summary>
    public static async Task<int> WriteUsageErrorAsync(CliUsageException usage, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(error);
        object body = usage.ListCommands
            ? new { error = usage.Message, commands = Commands.Select(c => c.Usage).ToList() }
            : new { error = usage.Message };
        await error.WriteLineAsync(JsonSerializer.Serialize(body, Json));
        return 2;
    }

    private static CliInvocation Parse(string[] args)
    {
        var command = args.Length >= 2 ? Commands.SingleOrDefault(c => c.Name == $"{args[0]} {args[1]}") : null;
        if (command is null)
        {
            var typed = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2));
            throw new CliUsageException($"Bilinmeyen komut: {typed}", listCommands: true);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new CliUsageException($"Beklenmeyen argüman: {token}");
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? token[2..] : token[2..equals];
            // "--key --other" is a forgotten value, not a value that starts with dashes (that needs "--key=--value").
            var value = equals >= 0 ? token[(equals + 1)..]
                : command.Options.Any(o => o.Name == key && o.Kind == CliValue.Flag) ? "true"
                : i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                : throw new CliUsageException($"--{key} için değer eksik.");
            if (key.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(key))
            {
                configuration.Add($"--{key}={value}");
            }
            else if (command.Options.Any(o => o.Name == key))
            {
                values[key] = value;
            }
            else
            {
                throw new CliUsageException($"Bilinmeyen seçenek --{key}. Kullanım: {command.Usage}");
            }
        }

        var arguments = new CliArguments(values);
        foreach (var option in command.Options)
        {
            option.Check(arguments);
        }

        return new CliInvocation(command, arguments, [.. configuration], null);
    }
}

/// <summary>What the command line asked for: a command with its options and the configuration to build the host with, or a usage error.</summary>
public sealed class CliInvocation
{
    internal CliInvocation(CliCommand? command, CliArguments? arguments, string[] configurationArgs, CliUsageException? usageError)
    {
        Command = command;
        Arguments = arguments;
        ConfigurationArgs = configurationArgs;
        UsageError = usageError;
    }

    internal CliCommand? Command { get; }

    internal CliArguments? Arguments { get; }

    /// <summary>The <c>--Key=value</c> arguments for <c>WebApplication.CreateBuilder</c>.</summary>
    public IReadOnlyList<string> ConfigurationArgs { get; }

    public CliUsageException? UsageError { get; }
}

internal enum CliValue
{
    Text,
    Number,
    Numbers,
    Texts,

    /// <summary>A switch: <c>--name</c> alone means true.</summary>
    Flag,
}

internal sealed record CliOption(string Name, CliValue Kind, bool Required = false)
{
    public string Usage
    {
        get
        {
            var text = Kind switch
            {
                CliValue.Number => $"--{Name} N",
                CliValue.Numbers => $"--{Name} 1,2",
                CliValue.Texts => $"--{Name} a,b",
                CliValue.Flag => $"--{Name}",
                _ => $"--{Name} {Name.ToUpperInvariant()}",
            };
            return Required ? text : $"[{text}]";
        }
    }

    /// <summary>Reads the option the way the command will, so a bad value is a usage error before anything runs.</summary>
    public void Check(CliArguments arguments)
    {
        if (Required)
        {
            arguments.Required(Name);
        }

        _ = Kind switch
        {
            CliValue.Number => arguments.OptionalInt(Name),
            CliValue.Numbers => arguments.IntList(Name),
            _ => (object?)null,
        };
    }
}

internal sealed class CliCommand(string name, Func<IServiceProvider, CliArguments, Task<object>> run, params CliOption[] options)
{
    public string Name { get; } = name;

    public Func<IServiceProvider, CliArguments, Task<object>> Run { get; } = run;

    public IReadOnlyList<CliOption> Options { get; } = options;

    public string Usage => string.Join(' ', [Name, .. Options.Select(o => o.Usage)]);
}

public sealed class CliUsageException(string message, bool listCommands = false) : Exception(message)
{
    public bool ListCommands { get; } = listCommands;
}

/// <summary>--name value pairs, already checked against the command's options.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _values;

    internal CliArguments(Dictionary<string, string> values) => _values = values;

    public string Required(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new CliUsageException($"--{name} zorunlu.");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int? OptionalInt(string name) => Optional(name) is { } v
        ? int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : throw new CliUsageException($"--{name} bir sayı olmalı.")
        : null;

    public IReadOnlyList<int> IntList(string name) => (Optional(name) ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : throw new CliUsageException($"--{name} virgülle ayrılmış sayılar olmalı."))
        .ToList();

    public IReadOnlyList<string> StringList(string name) => (Optional(name) ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.Text.Json;
using Destek.Core.Services;

namespace Destek.App.Cli;

/// <summary>
/// The admin command line, in the app's own executable and configuration:
/// <c>dotnet run --project Destek.App -- users create --email E --role Agent --password P [--departments 1,2]</c>.
/// Every command prints JSON on stdout; errors go to stderr with exit code 1 (2 for bad usage).
/// Add a command by adding a row to <see cref="Commands"/>.
/// </summary>
public static class AdminCli
{
    private static readonly Dictionary<string, Func<IServiceProvider, CliArguments, Task<object>>> Commands = new()
    {
        ["users create"] = UserCommands.CreateAsync,
        ["api-clients create"] = ApiClientCommands.CreateAsync,
        ["api-clients rotate-secret"] = ApiClientCommands.RotateSecretAsync,
        ["api-clients list"] = ApiClientCommands.ListAsync,
        ["api-clients update"] = ApiClientCommands.UpdateAsync,
        ["webhooks create"] = ApiClientCommands.CreateWebhookAsync,
        ["webhooks update"] = WebhookCommands.UpdateAsync,
        ["webhooks delete"] = WebhookCommands.DeleteAsync,
    };

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Turkish letters stay readable on the terminal; this output is never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool IsCommand(string[] args) =>
        args.Length >= 2 && Commands.ContainsKey($"{args[0]} {args[1]}") || args.Length >= 1 && Commands.Keys.Any(k => k.StartsWith(args[0] + " ", StringComparison.Ordinal));

    /// <summary>Logs go to stderr in CLI mode so stdout stays pure JSON.</summary>
    public static void ConfigureLogging(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var name = args.Length >= 2 ? $"{args[0]} {args[1]}" : "";
        if (!Commands.TryGetValue(name, out var command))
        {
            await error.WriteLineAsync($"Bilinmeyen komut. Komutlar: {string.Join("; ", Commands.Keys)}");
            return 2;
        }

        try
        {
            var result = await command(services, CliArguments.Parse(args.Skip(2)));
            await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            return 0;
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync(JsonSerializer.Serialize(new { error = ex.Message }, Json));
            return 2;
        }
        catch (Exception ex) when (ex is UserAdminException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync(JsonSerializer.Serialize(new { error = ex.Message }, Json));
            return 1;
        }
    }
}

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>--name value pairs.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _values;

    private CliArguments(Dictionary<string, string> values) => _values = values;

    public static CliArguments Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var key = e.Current;
            if (!key.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"Beklenmeyen argüman: {key}");
            }

            values[key[2..]] = e.MoveNext() ? e.Current : throw new CliUsageException($"{key} için değer eksik.");
        }

        return new CliArguments(values);
    }

    public string Required(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new CliUsageException($"--{name} zorunlu.");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int? OptionalInt(string name) => Optional(name) is { } v
        ? int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new CliUsageException($"--{name} bir sayı olmalı.")
        : null;

    public IReadOnlyList<int> IntList(string name) => (Optional(name) ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new CliUsageException($"--{name} virgülle ayrılmış sayılar olmalı."))
        .ToList();

    public IReadOnlyList<string> StringList(string name) => (Optional(name) ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.Security.Cryptography;

namespace Destek.App.Platform;

/// <summary>
/// X-Request-Id on every response: the caller's when sane (1–128 of [A-Za-z0-9._-]), else "req_" + 26
/// random chars. It is put in the logging scope of everything the request logs.
/// </summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[Header] as string ?? context.TraceIdentifier;
    }

    public static bool IsSane(string? value) =>
        value is { Length: >= 1 and <= 128 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string NewId() => "req_" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 26));

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = IsSane(incoming) ? incoming : NewId();
        context.Items[Header] = id;
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Destek.Request");
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(context);
        }
    });
}

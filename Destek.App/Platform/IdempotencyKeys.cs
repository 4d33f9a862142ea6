using System.Security.Cryptography;
using Destek.Core.Idempotency;

namespace Destek.App.Platform;

/// <summary>
/// Idempotency-Key (alias X-Idempotency-Key) on API writes, per API-CONVENTIONS.md: the first
/// response is stored per caller and key for 24 h; a repeat with the same body gets it again with
/// Idempotent-Replayed: true; the same key with another body gets 422; a repeat while the first is
/// still running gets 409. Refusals worth retrying (401, 403, 429, 5xx) are not kept.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string AliasHeader = "X-Idempotency-Key";
    private const long MaxBufferedBody = 16 * 1024 * 1024;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var key = request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            key = request.Headers[AliasHeader].ToString();
        }

        if (key.Length == 0 || !request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        if (key.Length > 255)
        {
            await ApiErrorCodes.SurfaceError(context, StatusCodes.Status400BadRequest, "Idempotency-Key en fazla 255 karakter olabilir.").ExecuteAsync(context);
            return;
        }

        if (request.ContentLength > MaxBufferedBody)
        {
            await ApiErrorCodes.SurfaceError(context, StatusCodes.Status413PayloadTooLarge, "İstek gövdesi çok büyük.").ExecuteAsync(context);
            return;
        }

        var store = context.RequestServices.GetRequiredService<IdempotencyStore>();
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBufferedBody);
        var bodyHash = Convert.ToHexString(await SHA256.HashDataAsync(request.Body, context.RequestAborted));
        request.Body.Position = 0;

        var begin = await store.BeginAsync(ScopeOf(context), key, request.Method, request.Path.Value ?? "", bodyHash, context.RequestAborted);
        switch (begin.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                await ApiErrorCodes.SurfaceError(context, StatusCodes.Status422UnprocessableEntity,
                    "Bu Idempotency-Key başka bir istekle kullanılmış; yeni bir istek için yeni bir anahtar gönderin.").ExecuteAsync(context);
                return;
            case IdempotencyOutcome.InProgress:
                await ApiErrorCodes.SurfaceError(context, StatusCodes.Status409Conflict,
                    "Bu Idempotency-Key ile gönderilen ilk istek hâlâ işleniyor; birazdan tekrar deneyin.").ExecuteAsync(context);
                return;
            case IdempotencyOutcome.Replay:
                context.Response.StatusCode = begin.Record.StatusCode!.Value;
                context.Response.ContentType = begin.Record.ContentType;
                context.Response.Headers["Idempotent-Replayed"] = "true";
                await context.Response.Body.WriteAsync(begin.Record.ResponseBody ?? [], context.RequestAborted);
                return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var kept = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (status is < 500 and not (401 or 403 or 429))
            {
                await store.CompleteAsync(begin.Record.Id, status, context.Response.ContentType, captured.ToArray(), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await store.AbandonAsync(begin.Record.Id);
            }

            if (captured.Length > 0 && !context.RequestAborted.IsCancellationRequested)
            {
                captured.Position = 0;
                await captured.CopyToAsync(original, CancellationToken.None);
            }
        }
    });

    /// <summary>Keys are per caller: the API client, the bearer token, the signed-in user, else the client IP.</summary>
    private static string ScopeOf(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers["X-API-Key"].ToString() is { Length: > 0 } apiKey)
        {
            return "key:" + Hash(apiKey);
        }

        if (headers.Authorization.ToString() is { Length: > 7 } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "bearer:" + Hash(authorization[7..].Trim());
        }

        if (context.RequestServices.GetRequiredService<Account.IdentityOptionsAccessor>().UserIdOf(context.User) is int userId)
        {
            return "user:" + userId;
        }

        return "ip:" + context.RequestServices.GetRequiredService<ClientAddress>().Of(context);
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..40];
}

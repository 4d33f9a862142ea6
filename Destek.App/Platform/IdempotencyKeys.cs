using System.Security.Cryptography;
using Destek.Core.Idempotency;
using Microsoft.AspNetCore.Http.Features;

namespace Destek.App.Platform;

/// <summary>
/// Idempotency-Key (alias X-Idempotency-Key) on API writes, per API-CONVENTIONS.md: the first
/// response is stored per caller and key for 24 h; a repeat with the same body gets it again with
/// Idempotent-Replayed: true; the same key with another body gets 422; a repeat while the first is
/// still running gets 409. Refusals worth retrying (401, 403, 429, 5xx) are not kept.
/// </summary>
/// <remarks>
/// An endpoint filter, added to each surface after its authentication and rate-limit filter, so
/// the store is only reached by a caller who is authenticated now and scoped by who that caller
/// is (API client id, user id). A key alone — the public X-API-Key, or a rotated secret, or a
/// disabled client — never gets a stored answer back.
/// </remarks>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string AliasHeader = "X-Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>The largest body any surface accepts (a 5 MB attachment plus fields); larger is a 413.</summary>
    public const long MaxBufferedBody = 8 * 1024 * 1024;

    /// <summary>
    /// Adds the idempotency filter to every write endpoint of the builder. Call it after the
    /// surface's authentication filter; <paramref name="scopeOf"/> names the authenticated caller.
    /// </summary>
    public static TBuilder WithIdempotencyKeys<TBuilder>(this TBuilder builder, Func<HttpContext, string> scopeOf)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scopeOf);
        return builder.AddEndpointFilter(new IdempotencyFilter(scopeOf));
    }

    public static string KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Headers[Header].ToString();
        return key.Length > 0 ? key : request.Headers[AliasHeader].ToString();
    }

    private sealed class IdempotencyFilter(Func<HttpContext, string> scopeOf) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var key = KeyOf(request);
            if (key.Length == 0 || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            {
                return await next(context);
            }

            if (key.Length > MaxKeyLength)
            {
                return ApiErrorCodes.SurfaceError(http, StatusCodes.Status400BadRequest, $"Idempotency-Key en fazla {MaxKeyLength} karakter olabilir.");
            }

            var bodyHash = await HashBodyAsync(http);
            if (bodyHash is null)
            {
                return http.RequestAborted.IsCancellationRequested
                    ? Results.Empty
                    : ApiErrorCodes.SurfaceError(http, StatusCodes.Status413PayloadTooLarge, $"İstek gövdesi en fazla {MaxBufferedBody / 1024 / 1024} MiB olabilir.");
            }

            var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
            var begin = await store.BeginAsync(scopeOf(http), key, request.Method, request.Path.Value ?? "", bodyHash, http.RequestAborted);
            switch (begin.Outcome)
            {
                case IdempotencyOutcome.Mismatch:
                    return ApiErrorCodes.SurfaceError(http, StatusCodes.Status422UnprocessableEntity,
                        "Bu Idempotency-Key başka bir istekle kullanılmış; yeni bir istek için yeni bir anahtar gönderin.");
                case IdempotencyOutcome.InProgress:
                    return ApiErrorCodes.SurfaceError(http, StatusCodes.Status409Conflict,
                        "Bu Idempotency-Key ile gönderilen ilk istek hâlâ işleniyor; birazdan tekrar deneyin.");
                case IdempotencyOutcome.Replay:
                    return new StoredAnswer(begin.Record);
            }

            return await RunAndKeepAsync(http, context, next, store, begin.Record.Id);
        }

        /// <summary>Null when the body is larger than any surface takes (or the caller went away).</summary>
        private static async Task<string?> HashBodyAsync(HttpContext http)
        {
            var request = http.Request;
            if (request.ContentLength > MaxBufferedBody)
            {
                return null;
            }

            // A chunked body has no length up front: the server stops reading it at the limit.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit
                && (limit.MaxRequestBodySize is null || limit.MaxRequestBodySize > MaxBufferedBody))
            {
                limit.MaxRequestBodySize = MaxBufferedBody;
            }

            try
            {
                request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBufferedBody);
                var hash = Convert.ToHexString(await SHA256.HashDataAsync(request.Body, http.RequestAborted));
                request.Body.Position = 0;
                return hash;
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return null;
            }
            catch (IOException)
            {
                // EnableBuffering's own limit, or a connection that broke mid-body.
                return null;
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Runs the endpoint and executes its answer into a buffer, keeping it for replays unless it is worth
    /// retrying (401/403/429, 5xx); the record is abandoned when nothing was kept. Shared by every surface's
    /// idempotency filter.
    /// </summary>
    internal static async Task<object?> RunAndKeepAsync(HttpContext http, EndpointFilterInvocationContext context, EndpointFilterDelegate next, IdempotencyStore store, long recordId)
    {
        var kept = false;
        try
        {
            var result = await next(context);
            if (result is not IResult answer)
            {
                return result;
            }

            // Run the answer here, into a buffer, so what the caller receives is exactly what is kept.
            var original = http.Response.Body;
            using var captured = new MemoryStream();
            http.Response.Body = captured;
            try
            {
                await answer.ExecuteAsync(http);
            }
            finally
            {
                http.Response.Body = original;
            }

            var status = http.Response.StatusCode;
            var bytes = captured.ToArray();
            if (status is < 500 and not (401 or 403 or 429))
            {
                await store.CompleteAsync(recordId, status, http.Response.ContentType, bytes, CancellationToken.None);
                kept = true;
            }

            return new CapturedAnswer(bytes);
        }
        finally
        {
            if (!kept)
            {
                await store.AbandonAsync(recordId);
            }
        }
    }

    /// <summary>The first answer, again, marked as a replay.</summary>
    private sealed class StoredAnswer(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = record.StatusCode!.Value;
            httpContext.Response.ContentType = record.ContentType;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            await httpContext.Response.Body.WriteAsync(record.ResponseBody ?? [], httpContext.RequestAborted);
        }
    }

    /// <summary>The bytes of an answer already executed into a buffer (status and headers are set).</summary>
    internal sealed class CapturedAnswer(byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            if (body.Length > 0)
            {
                await httpContext.Response.Body.WriteAsync(body, CancellationToken.None);
            }
        }
    }
}

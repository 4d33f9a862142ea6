using System.Security.Cryptography;
using System.Text.Json;
using Destek.App.Platform;
using Destek.Core.Idempotency;
using Microsoft.AspNetCore.Http.Features;

namespace Destek.App.InvoicePlatform;

/// <summary>
/// seed-001's idempotency on the platform's writes, on the shared store (<see cref="IdempotencyStore"/>),
/// scoped by organization and mode: X-Idempotency-Key (or Idempotency-Key) is required on every
/// POST (400 invalid_request naming the header); the same key and body within 24 h answers the first
/// answer again (with Idempotent-Replayed: true and its Location); the same key with another body or
/// path, or while the first is still running, is 409 conflict. Refusals worth retrying (429, 5xx) are
/// not kept. The body read here is handed on to the endpoint, so it is read once.
/// </summary>
public sealed class InvoicePlatformIdempotency(IdempotencyStore store) : IEndpointFilter
{
    public const long MaxBodyBytes = 1024 * 1024;
    private const string BodyItem = "Destek.InvoicePlatform.Body";

    /// <summary>The body as the idempotency filter read it (empty when there was none).</summary>
    public static byte[] BodyOf(HttpContext context) => context.Items[BodyItem] as byte[] ?? [];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var request = http.Request;
        // Reads, and the fallback (no method of its own: it only says 404/405/415), keep nothing.
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>() is null)
        {
            return await next(context);
        }

        var key = IdempotencyKeys.KeyOf(request);
        if (key.Length == 0)
        {
            return PlatformProblem.Invalid($"Missing required header: {IdempotencyKeys.AliasHeader}", IdempotencyKeys.AliasHeader);
        }

        if (key.Length > IdempotencyKeys.MaxKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            return PlatformProblem.Invalid($"{IdempotencyKeys.AliasHeader} must be 1 to {IdempotencyKeys.MaxKeyLength} visible ASCII characters.", IdempotencyKeys.AliasHeader);
        }

        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            return http.RequestAborted.IsCancellationRequested
                ? Results.Empty
                : PlatformProblem.Other(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.InvalidRequest, "The request body is larger than 1 MiB.", "body");
        }

        http.Items[BodyItem] = body;
        var hash = Convert.ToHexString(SHA256.HashData(body));
        var begin = await store.BeginAsync(InvoicePlatformGate.IdempotencyScopeOf(http), key, request.Method, request.Path.Value ?? "", hash, http.RequestAborted);
        switch (begin.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                return PlatformProblem.Conflict($"This {IdempotencyKeys.AliasHeader} was already used with a different request; send a new key for a new request.", IdempotencyKeys.AliasHeader);
            case IdempotencyOutcome.InProgress:
                return PlatformProblem.Conflict($"The first request with this {IdempotencyKeys.AliasHeader} is still being processed; retry shortly.", IdempotencyKeys.AliasHeader);
            case IdempotencyOutcome.Replay:
                return new StoredAnswer(begin.Record);
        }

        return await IdempotencyKeys.RunAndKeepAsync(http, context, next, store, begin.Record.Id);
    }

    /// <summary>Null when the body is over the limit (or the caller went away).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            return buffer.Length > MaxBodyBytes ? null : buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The first answer, again, marked as a replay; a 202's Location follows from the invoice id it carried.</summary>
    private sealed class StoredAnswer(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = record.StatusCode!.Value;
            response.ContentType = record.ContentType;
            response.Headers["Idempotent-Replayed"] = "true";
            var body = record.ResponseBody ?? [];
            if (response.StatusCode == StatusCodes.Status202Accepted && LocationOf(body) is { } location)
            {
                response.Headers.Location = location;
            }

            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }

        private static string? LocationOf(byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? InvoicesApi.LocationOf(id.GetString()!) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}

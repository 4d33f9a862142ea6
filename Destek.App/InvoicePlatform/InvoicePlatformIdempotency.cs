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
    private const string ClaimItem = "Destek.InvoicePlatform.IdempotencyClaim";

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
        var scope = InvoicePlatformGate.IdempotencyScopeOf(http);
        var path = request.Path.Value ?? "";
        if (http.GetEndpoint()?.Metadata.GetMetadata<KeepsIdempotencyKeyInItsWrite>() is not null)
        {
            // The endpoint keeps the key with its write, in one transaction: only read here.
            if (await store.FindAsync(scope, key, request.Method, path, hash, http.RequestAborted) is { } found)
            {
                return Answer(found);
            }

            http.Items[ClaimItem] = new IdempotencyClaim(scope, key, request.Method, path, hash);
            var result = await next(context);
            switch (result is INestedHttpResult nested ? nested.Result : result)
            {
                case KeptWithTheWrite:
                    return result;
                case KeyTakenMeanwhile:
                    return await store.FindAsync(scope, key, request.Method, path, hash, http.RequestAborted) is { } taken
                        ? Answer(taken)
                        : PlatformProblem.Conflict($"The first request with this {IdempotencyKeys.AliasHeader} is still being processed; retry shortly.", IdempotencyKeys.AliasHeader);
            }

            // Refused before any write (validation): kept the usual way, so a retry gets the same refusal.
            var refused = await store.BeginAsync(scope, key, request.Method, path, hash, http.RequestAborted);
            return refused.Outcome == IdempotencyOutcome.Started
                ? await IdempotencyKeys.RunAndKeepAsync(http, context, _ => ValueTask.FromResult(result), store, refused.Record.Id)
                : Answer(refused);
        }

        var begin = await store.BeginAsync(scope, key, request.Method, path, hash, http.RequestAborted);
        return begin.Outcome == IdempotencyOutcome.Started
            ? await IdempotencyKeys.RunAndKeepAsync(http, context, next, store, begin.Record.Id)
            : Answer(begin);
    }

    /// <summary>The write's idempotency key, when the endpoint keeps it with its write (<see cref="KeepsIdempotencyKeyInItsWrite"/>).</summary>
    public static IdempotencyClaim? ClaimOf(HttpContext context) => context.Items[ClaimItem] as IdempotencyClaim;

    private static object Answer(IdempotencyBegin begin) => begin.Outcome switch
    {
        IdempotencyOutcome.Mismatch => PlatformProblem.Conflict($"This {IdempotencyKeys.AliasHeader} was already used with a different request; send a new key for a new request.", IdempotencyKeys.AliasHeader),
        IdempotencyOutcome.InProgress => PlatformProblem.Conflict($"The first request with this {IdempotencyKeys.AliasHeader} is still being processed; retry shortly.", IdempotencyKeys.AliasHeader),
        _ => new StoredAnswer(begin.Record),
    };

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

/// <summary>Endpoint metadata: the endpoint stores its idempotency key with its own write (<see cref="IdempotencyClaim"/>).</summary>
public sealed class KeepsIdempotencyKeyInItsWrite;

/// <summary>An answer the endpoint already kept with its write: sent as it was kept.</summary>
public sealed class KeptWithTheWrite(KeptAnswer answer, string? location) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        await response.Body.WriteAsync(answer.Body, httpContext.RequestAborted);
    }
}

/// <summary>Another request kept the same key between the filter's look and the write: the filter answers from that key.</summary>
public sealed class KeyTakenMeanwhile : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) =>
        throw new InvalidOperationException("Answered by the idempotency filter, never executed.");
}

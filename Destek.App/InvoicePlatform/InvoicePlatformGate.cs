using Destek.App.Platform;
using Destek.Core.Access;
using Destek.Core.Invoices;

namespace Destek.App.InvoicePlatform;

/// <summary>
/// In front of every /v1 endpoint, in seed-001's order: the organization key in X-Api-Key (401), then the
/// organization's budget per minute (429 with Retry-After; X-RateLimit-* on every answer, a caller
/// without a valid key counted by its address). Unexpected failures become the document's 500.
/// </summary>
public sealed class InvoicePlatformGate(
    OrganizationKeyAuthenticator keys, RateLimits rateLimits, ClientAddress clientAddress, ILogger<InvoicePlatformGate> logger) : IEndpointFilter
{
    public const string KeyHeader = "X-Api-Key";
    private const string CallerItem = "Destek.InvoicePlatform.Caller";

    public static OrganizationCaller CallerOf(HttpContext context) =>
        context.Items[CallerItem] as OrganizationCaller ?? throw new InvalidOperationException("InvoicePlatformGate did not run.");

    public static PlatformScope ScopeOf(HttpContext context)
    {
        var caller = CallerOf(context);
        return new PlatformScope(caller.OrganizationId, caller.IsSandbox);
    }

    /// <summary>Idempotency keys are kept per organization and per mode: a test key never replays a live answer.</summary>
    public static string IdempotencyScopeOf(HttpContext context)
    {
        var caller = CallerOf(context);
        return $"org:{caller.OrganizationId}:{(caller.IsSandbox ? "test" : "live")}";
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        try
        {
            var caller = await keys.AuthenticateAsync(http.Request.Headers[KeyHeader].ToString(), http.RequestAborted);
            if (caller is null)
            {
                rateLimits.TryAcquire(http, "invoice-platform:ip:" + clientAddress.Of(http), OrganizationKeyPolicy.DefaultRateLimitPerMinute, TimeSpan.FromMinutes(1));
                return PlatformProblem.Unauthorized();
            }

            if (!rateLimits.TryAcquire(http, "invoice-platform:org:" + caller.OrganizationId, caller.RateLimitPerMinute, TimeSpan.FromMinutes(1)))
            {
                return PlatformProblem.RateLimited();
            }

            http.Items[CallerItem] = caller;
            return await next(context);
        }
        catch (Exception ex)
        {
            return Failure(http, ex, logger);
        }
    }

    public static IResult Failure(HttpContext http, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case BadHttpRequestException ex when ex.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return PlatformProblem.Other(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.InvalidRequest, "The request body is larger than 1 MiB.", "body");
            case BadHttpRequestException:
                return PlatformProblem.Invalid("The request body could not be read.", "body");
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return Results.Empty;
            default:
                logger.LogError(exception, "Invoice platform request failed");
                return PlatformProblem.Internal(RequestIds.Of(http));
        }
    }
}

/// <summary>Inside the idempotency filter: a failure the endpoint did not answer becomes the 500 (never stored, so a retry runs again).</summary>
public sealed class InvoicePlatformFailures(ILogger<InvoicePlatformGate> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception ex)
        {
            return InvoicePlatformGate.Failure(context.HttpContext, ex, logger);
        }
    }
}

using Destek.App.Platform;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Microsoft.Extensions.Options;

namespace Destek.App.EInvoiceApi;

/// <summary>The ability an endpoint needs (the document: einvoices:status for provider-status, einvoices:read for the rest).</summary>
public sealed record RequiredAbility(string Ability);

/// <summary>
/// In front of every /api/v1/einvoices endpoint, in the document's order: the Bearer token (401), the
/// token's IP allowlist against the real client address (403), the owner's rate limit (429), the
/// organization's <c>feature.einvoice_api</c> module (403 naming it), the endpoint's ability (403).
/// Unexpected failures become the document's 500 without a stack trace.
/// </summary>
public sealed class EInvoiceApiGate(
    PersonalAccessTokenValidator tokens, ModuleSwitches modules, RateLimits rateLimits, ClientAddress clientAddress,
    IOptions<EInvoiceApiOptions> options, TimeProvider clock, ILogger<EInvoiceApiGate> logger) : IEndpointFilter
{
    private const string CallerItem = "Destek.EInvoiceApi.Caller";

    public static TokenCaller CallerOf(HttpContext context) =>
        context.Items[CallerItem] as TokenCaller ?? throw new InvalidOperationException("EInvoiceApiGate did not run.");

    /// <summary>The organization whose invoices the caller sees; the gate let nobody through without one.</summary>
    public static int OrganizationOf(HttpContext context) => CallerOf(context).OrganizationId!.Value;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        try
        {
            var (result, caller) = await tokens.ValidateAsync(BearerOf(http.Request), clientAddress.Of(http), http.RequestAborted);
            switch (result)
            {
                case TokenCheck.Ok:
                    break;
                case TokenCheck.AddressNotAllowed:
                    return EInvoiceErrors.Problem(http, StatusCodes.Status403Forbidden, EInvoiceErrors.Unauthorized);
                default:
                    return EInvoiceErrors.Problem(http, StatusCodes.Status401Unauthorized, EInvoiceErrors.Unauthenticated);
            }

            var limit = options.Value.RateLimitPerMinute;
            if (!rateLimits.TryAcquire(http, "einvoice-api:user:" + caller!.UserId, limit, TimeSpan.FromMinutes(1)))
            {
                return EInvoiceErrors.Problem(http, StatusCodes.Status429TooManyRequests, EInvoiceErrors.TooManyAttempts);
            }

            if (caller.OrganizationId is not { } organization)
            {
                return EInvoiceErrors.Problem(http, StatusCodes.Status403Forbidden, EInvoiceErrors.Unauthorized);
            }

            if (!await modules.IsActiveAsync(organization, ModuleNames.EInvoiceApi, clock.GetUtcNow(), http.RequestAborted))
            {
                return EInvoiceErrors.Problem(http, StatusCodes.Status403Forbidden, EInvoiceErrors.ModuleInactive(ModuleNames.EInvoiceApi));
            }

            if (http.GetEndpoint()?.Metadata.GetMetadata<RequiredAbility>() is { } required && !caller.Can(required.Ability))
            {
                return EInvoiceErrors.Problem(http, StatusCodes.Status403Forbidden, EInvoiceErrors.Unauthorized);
            }

            http.Items[CallerItem] = caller;
            return await next(context);
        }
        catch (Exception ex)
        {
            return Failure(http, ex, logger);
        }
    }

    /// <summary>The value after "Bearer " (scheme case-insensitive, as RFC 6750 allows), or null.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.Length > scheme.Length && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? header[scheme.Length..].Trim()
            : null;
    }

    public static IResult Failure(HttpContext http, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case BadHttpRequestException ex:
                return EInvoiceErrors.Problem(http, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ex.StatusCode : StatusCodes.Status400BadRequest,
                    ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request body could not be read.");
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return Results.Empty;
            default:
                logger.LogError(exception, "E-invoice API request failed");
                return EInvoiceErrors.Problem(http, StatusCodes.Status500InternalServerError, EInvoiceErrors.ServerError);
        }
    }
}

/// <summary>Inside the idempotency filter: a failure the endpoint did not answer becomes the document's 500, so a stored answer is the one the caller saw.</summary>
public sealed class EInvoiceApiFailures(ILogger<EInvoiceApiGate> logger) : IEndpointFilter
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
            return EInvoiceApiGate.Failure(context.HttpContext, ex, logger);
        }
    }
}

/// <summary>The "Destek:EInvoiceApi" section.</summary>
public sealed class EInvoiceApiOptions
{
    public const string Section = "Destek:EInvoiceApi";

    /// <summary>Requests per minute per token owner (API-CONVENTIONS.md: v1 300/min).</summary>
    public int RateLimitPerMinute { get; set; } = 300;
}

using Destek.App.Platform;
using Destek.Core.Access;

namespace Destek.App.ExternalApi;

/// <summary>
/// In front of every /api/external endpoint: checks X-API-Key + X-API-Secret (401), counts the
/// request against the client's per-minute limit (429 with Retry-After), and turns unreadable
/// requests and unexpected failures into the external API's error body (a 500 never carries a stack trace). Only then
/// does the idempotency filter run, scoped by the client's id.
/// </summary>
public sealed class ExternalApiGate(ApiClientAuthenticator authenticator, RateLimits rateLimits, ILogger<ExternalApiGate> logger) : IEndpointFilter
{
    private const string ClientItem = "Destek.ExternalApi.Client";

    public static AuthenticatedClient ClientOf(HttpContext context) =>
        context.Items[ClientItem] as AuthenticatedClient ?? throw new InvalidOperationException("ExternalApiGate did not run.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        try
        {
            var headers = http.Request.Headers;
            var (result, client) = await authenticator.AuthenticateAsync(headers["X-API-Key"].ToString(), headers["X-API-Secret"].ToString(), http.RequestAborted);
            switch (result)
            {
                case ApiAuthResult.MissingCredentials:
                    return ExternalErrors.Problem(http, StatusCodes.Status401Unauthorized, "X-API-Key ve X-API-Secret başlıkları zorunludur.");
                case ApiAuthResult.InvalidCredentials:
                    return ExternalErrors.Problem(http, StatusCodes.Status401Unauthorized, "Geçersiz API anahtarı veya secret.");
                case ApiAuthResult.Inactive:
                    return ExternalErrors.Problem(http, StatusCodes.Status401Unauthorized, "Bu API client devre dışı bırakılmış.");
            }

            if (!rateLimits.TryAcquire(http, "external:" + client!.Id, client.RateLimitPerMinute, TimeSpan.FromMinutes(1)))
            {
                return ExternalErrors.Problem(http, StatusCodes.Status429TooManyRequests,
                    $"Rate limit aşıldı: dakikada en fazla {client.RateLimitPerMinute} istek yapılabilir. Retry-After süresi kadar bekleyin.");
            }

            http.Items[ClientItem] = client;
            return await next(context);
        }
        catch (Exception ex)
        {
            return Failure(http, ex, logger);
        }
    }

    /// <summary>The external API's answer for a failure (nothing at all when the caller went away).</summary>
    public static IResult Failure(HttpContext http, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case BadHttpRequestException ex:
                return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? ExternalErrors.Problem(http, StatusCodes.Status413PayloadTooLarge, JsonBody.TooLarge, "body")
                    : ExternalErrors.Problem(http, StatusCodes.Status400BadRequest, "İstek okunamadı.", "body");
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return Results.Empty;
            case Destek.Core.Tickets.TicketCreateQueueClosedException closed:
                http.Response.Headers.RetryAfter = "5";
                return ExternalErrors.Problem(http, StatusCodes.Status503ServiceUnavailable, closed.Message);
            default:
                logger.LogError(exception, "External API request failed");
                return ExternalErrors.Problem(http, StatusCodes.Status500InternalServerError, "Sunucu hatası. Destek ekibine requestId ile başvurun.");
        }
    }
}

/// <summary>
/// Inside the idempotency filter: turns a failure the endpoint did not answer itself into the external API's
/// error body, so a stored answer is the one the caller saw. Refusals are the endpoints' own results.
/// </summary>
public sealed class ExternalApiFailures(ILogger<ExternalApiGate> logger) : IEndpointFilter
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
            return ExternalApiGate.Failure(context.HttpContext, ex, logger);
        }
    }
}

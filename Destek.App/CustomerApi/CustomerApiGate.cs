using Destek.App.Platform;
using Destek.Core.Customers;
using Microsoft.Extensions.Options;

namespace Destek.App.CustomerApi;

/// <summary>
/// In front of every /api/user/support endpoint: the caller must be a customer (no credential 401,
/// staff 403), then the customer's per-minute budget (429 with Retry-After; X-RateLimit-* on every
/// answer), then writes must be JSON (415): with a cookie as the credential, a cross-site HTML form
/// cannot send application/json, and a cross-site script cannot without a CORS preflight Destek never grants.
/// Only then the idempotency filter, scoped by the customer.
/// </summary>
public sealed class CustomerApiGate(IEnumerable<ICustomerCredential> credentials, RateLimits rateLimits, IOptions<CustomerApiOptions> options, ILogger<CustomerApiGate> logger)
    : IEndpointFilter
{
    private const string CustomerItem = "Destek.CustomerApi.Customer";

    public static CustomerAccount CustomerOf(HttpContext context) =>
        context?.Items[CustomerItem] as CustomerAccount ?? throw new InvalidOperationException("CustomerApiGate did not run.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        try
        {
            CustomerAccount? customer = null;
            foreach (var credential in credentials)
            {
                var result = await credential.ResolveAsync(http);
                switch (result.Outcome)
                {
                    case CredentialOutcome.Absent:
                        continue;
                    case CredentialOutcome.Invalid:
                        return CustomerApiErrors.Problem(http, StatusCodes.Status401Unauthorized, result.Message ?? "Kimlik bilgisi geçersiz.");
                    case CredentialOutcome.NotCustomer:
                        return CustomerApiErrors.Problem(http, StatusCodes.Status403Forbidden, result.Message ?? "Bu API yalnızca müşteri hesaplarına açıktır.");
                }

                customer = result.Customer;
                break;
            }

            if (customer is null)
            {
                return CustomerApiErrors.Problem(http, StatusCodes.Status401Unauthorized, "Oturum açmanız gerekiyor: müşteri hesabınızla giriş yapın.");
            }

            var limit = options.Value.RequestsPerMinute;
            if (!rateLimits.TryAcquire(http, "customer:" + customer.UserId, limit, TimeSpan.FromMinutes(1)))
            {
                return CustomerApiErrors.Problem(http, StatusCodes.Status429TooManyRequests,
                    $"İstek limiti aşıldı: dakikada en fazla {limit} istek. Retry-After süresi kadar bekleyin.");
            }

            if (HttpMethods.IsPost(http.Request.Method) && !WellFormedJson.IsJsonMediaType(http.Request.ContentType))
            {
                return CustomerApiErrors.Field(http, StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                    "İstek gövdesi JSON olmalıdır: Content-Type: application/json başlığını gönderin.");
            }

            http.Items[CustomerItem] = customer;
            return await next(context);
        }
        catch (Exception ex)
        {
            return Failure(http, ex, logger);
        }
    }

    /// <summary>The customer API's answer for a failure (nothing at all when the caller went away).</summary>
    public static IResult Failure(HttpContext http, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case BadHttpRequestException ex:
                return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? CustomerApiErrors.Field(http, StatusCodes.Status413PayloadTooLarge, "body", CustomerApiBody.TooLarge)
                    : CustomerApiErrors.Field(http, StatusCodes.Status400BadRequest, "body", "İstek okunamadı.");
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return Results.Empty;
            default:
                logger.LogError(exception, "Customer API request failed");
                return CustomerApiErrors.Problem(http, StatusCodes.Status500InternalServerError, "Sunucu hatası. Destek ekibine requestId ile başvurun.");
        }
    }
}

/// <summary>Inside the idempotency filter, so a stored answer is the one the caller saw.</summary>
public sealed class CustomerApiFailures(ILogger<CustomerApiGate> logger) : IEndpointFilter
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
            return CustomerApiGate.Failure(context.HttpContext, ex, logger);
        }
    }
}

/// <summary>The "Destek:CustomerApi" section.</summary>
public sealed class CustomerApiOptions
{
    public const string Section = "Destek:CustomerApi";

    /// <summary>Per customer (API-CONVENTIONS.md: per caller); the portal's own page loads do not count.</summary>
    public int RequestsPerMinute { get; set; } = 120;
}

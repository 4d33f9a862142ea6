namespace Destek.App.Platform;

/// <summary>
/// The shared error fields (API-CONVENTIONS.md): every API error body carries <c>code</c> and
/// <c>requestId</c> beside the surface's own documented fields.
/// </summary>
public static class ApiErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string RateLimited = "rate_limited";
    public const string InvalidRequest = "invalid_request";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";

    public static string ForStatus(int status) => status switch
    {
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        429 => RateLimited,
        503 => ServiceUnavailable,
        >= 500 => InternalError,
        _ => InvalidRequest,
    };

    /// <summary>The surface's documented fields plus code and requestId, as one JSON object.</summary>
    public static IResult Error(HttpContext context, int status, IDictionary<string, object?> documented, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(documented);
        var body = new Dictionary<string, object?>(documented)
        {
            ["code"] = code ?? ForStatus(status),
            ["requestId"] = RequestIds.Of(context),
        };
        return Results.Json(body, statusCode: status);
    }

    /// <summary>
    /// An error in the documented shape of the API the path belongs to, for platform behaviour that
    /// runs before any surface (idempotency, unexpected failures).
    /// </summary>
    public static IResult SurfaceError(HttpContext context, int status, string message, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        IDictionary<string, object?> documented =
            path.StartsWithSegments("/api/external") ? new Dictionary<string, object?> { ["detail"] = message }
            : path.StartsWithSegments("/api/support") ? new Dictionary<string, object?> { ["status"] = "error", ["message"] = message }
            : path.StartsWithSegments("/api/user") ? new Dictionary<string, object?> { ["success"] = false, ["message"] = message }
            : new Dictionary<string, object?> { ["message"] = message };
        return Error(context, status, documented, code);
    }
}

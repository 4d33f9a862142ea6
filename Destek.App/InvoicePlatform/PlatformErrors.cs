using System.Text.Json.Serialization;
using Destek.App.Platform;

namespace Destek.App.InvoicePlatform;

/// <summary>seed-001's error model: <c>{"code","message","requestId","details":{"field"}}</c>.</summary>
public sealed record PlatformErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("details")] PlatformErrorDetails Details);

/// <summary>The field (or header, or query parameter) the error is about, when there is one.</summary>
public sealed record PlatformErrorDetails([property: JsonPropertyName("field"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field);

/// <summary>An invoice-platform error answer, one type for the endpoints' typed results.</summary>
public sealed class PlatformProblem : IResult, IStatusCodeHttpResult
{
    private PlatformProblem(int status, string code, string message, string? field)
    {
        StatusCode = status;
        Code = code;
        Message = message;
        Field = field;
    }

    public int? StatusCode { get; }
    public string Code { get; }
    public string Message { get; }
    public string? Field { get; }

    public static PlatformProblem Invalid(string message, string? field) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidRequest, message, field);

    public static PlatformProblem Missing(string field) => Invalid($"Missing required field: {field}", field);

    public static PlatformProblem Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized, "Missing or invalid API key: send the organization's key in X-Api-Key.", "X-Api-Key");

    public static PlatformProblem Forbidden(string message) => new(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, message, null);

    public static PlatformProblem NotFound() => new(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, "Resource not found.", null);

    public static PlatformProblem Conflict(string message, string? field = null) => new(StatusCodes.Status409Conflict, ApiErrorCodes.Conflict, message, field);

    public static PlatformProblem RateLimited() =>
        new(StatusCodes.Status429TooManyRequests, ApiErrorCodes.RateLimited, "Rate limit exceeded: retry after the number of seconds in Retry-After.", null);

    public static PlatformProblem Internal(string requestId) =>
        new(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError, $"Unexpected error. Share this request id with support: {requestId}", null);

    public static PlatformProblem Other(int status, string code, string message, string? field = null) => new(status, code, message, field);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = new PlatformErrorBody(Code, Message, RequestIds.Of(httpContext), new PlatformErrorDetails(Field));
        return TypedResults.Json(body, statusCode: StatusCode).ExecuteAsync(httpContext);
    }
}

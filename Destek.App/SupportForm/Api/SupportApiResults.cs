using System.Globalization;
using Destek.App.Platform;

namespace Destek.App.SupportForm.Api;

/// <summary>The support form document's error bodies (DRF shapes), each with the shared code and requestId.</summary>
public static class SupportApiResults
{
    public const string NotFoundMessage = "Bulunamadı.";

    /// <summary>DRF's {"detail": "..."} (authentication, permission, not found, throttling, parse errors).</summary>
    public static SupportProblem Detail(HttpContext context, int status, string detail, string? code = null) =>
        new(ApiErrorCodes.Error(context, status, new Dictionary<string, object?> { ["detail"] = detail }, code), status);

    /// <summary>DRF's validation shape: {"field": ["message", ...]}.</summary>
    public static SupportProblem Validation(HttpContext context, IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        new(ApiErrorCodes.Error(context, StatusCodes.Status400BadRequest, errors.ToDictionary(e => e.Key, e => (object?)e.Value)), StatusCodes.Status400BadRequest);

    public static SupportProblem Validation(HttpContext context, string field, string message) =>
        Validation(context, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });

    /// <summary>The support form document's action errors: {"status": "error", "message": "..."}.</summary>
    public static SupportProblem ActionError(HttpContext context, int status, string message) =>
        new(ApiErrorCodes.Error(context, status, new Dictionary<string, object?> { ["status"] = "error", ["message"] = message }), status);

    public static SupportProblem NotFound(HttpContext context) => Detail(context, StatusCodes.Status404NotFound, NotFoundMessage);

    /// <summary>ISO-8601 in UTC with Z, as API-CONVENTIONS.md asks (fractions only when there are any).</summary>
    public static string? Timestamp(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) : null;
}

/// <summary>An /api/support error answer, as one type for the endpoints' typed results.</summary>
public sealed class SupportProblem : IResult, IStatusCodeHttpResult
{
    private readonly IResult body;

    internal SupportProblem(IResult body, int status)
    {
        this.body = body;
        StatusCode = status;
    }

    public int? StatusCode { get; }

    public Task ExecuteAsync(HttpContext httpContext) => body.ExecuteAsync(httpContext);
}

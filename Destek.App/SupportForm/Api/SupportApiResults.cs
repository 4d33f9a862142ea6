using System.Globalization;
using Destek.App.Platform;

namespace Destek.App.SupportForm.Api;

/// <summary>seed-002's error bodies (DRF shapes), each with the shared code and requestId.</summary>
public static class SupportApiResults
{
    public const string NotFoundMessage = "Bulunamadı.";

    /// <summary>DRF's {"detail": "..."} (authentication, permission, not found, throttling, parse errors).</summary>
    public static IResult Detail(HttpContext context, int status, string detail, string? code = null) =>
        ApiErrorCodes.Error(context, status, new Dictionary<string, object?> { ["detail"] = detail }, code);

    /// <summary>DRF's validation shape: {"field": ["message", ...]}.</summary>
    public static IResult Validation(HttpContext context, IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        ApiErrorCodes.Error(context, StatusCodes.Status400BadRequest, errors.ToDictionary(e => e.Key, e => (object?)e.Value));

    public static IResult Validation(HttpContext context, string field, string message) =>
        Validation(context, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });

    /// <summary>seed-002's action errors: {"status": "error", "message": "..."}.</summary>
    public static IResult ActionError(HttpContext context, int status, string message) =>
        ApiErrorCodes.Error(context, status, new Dictionary<string, object?> { ["status"] = "error", ["message"] = message });

    public static IResult NotFound(HttpContext context) => Detail(context, StatusCodes.Status404NotFound, NotFoundMessage);

    /// <summary>ISO-8601 in UTC with Z, as API-CONVENTIONS.md asks (fractions only when there are any).</summary>
    public static string? Timestamp(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) : null;
}

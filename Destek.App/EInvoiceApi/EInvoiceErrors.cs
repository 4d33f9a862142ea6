using Destek.App.Platform;

namespace Destek.App.EInvoiceApi;

/// <summary>
/// The e-invoice API's error bodies, in the document's (Laravel's) shapes and English messages, plus the
/// shared <c>code</c> and <c>requestId</c> that the document's clients ignore.
/// </summary>
public static class EInvoiceErrors
{
    public const string Unauthenticated = "Unauthenticated.";
    public const string Unauthorized = "This action is unauthorized.";
    public const string NotFoundMessage = "Not Found.";
    public const string ServerError = "Server Error";
    public const string TooManyAttempts = "Too Many Attempts.";

    public static string ModuleInactive(string module) =>
        $"The {module} module is not active for this account. Purchase or renew the module to use the e-invoice API.";

    public static EInvoiceProblem Problem(HttpContext context, int status, string message) =>
        new(ApiErrorCodes.Error(context, status, new Dictionary<string, object?> { ["message"] = message }), status);

    public static EInvoiceProblem NotFound(HttpContext context) => Problem(context, StatusCodes.Status404NotFound, NotFoundMessage);

    /// <summary>
    /// 422 as Laravel writes it: the first message (with "(and N more error[s])"), then every field's messages.
    /// </summary>
    public static EInvoiceProblem Invalid(HttpContext context, IReadOnlyDictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.Values.First()[0];
        var more = errors.Values.Sum(v => v.Count) - 1;
        var message = more switch
        {
            0 => first,
            1 => $"{first} (and 1 more error)",
            _ => $"{first} (and {more} more errors)",
        };
        return new(ApiErrorCodes.Error(context, StatusCodes.Status422UnprocessableEntity,
            new Dictionary<string, object?> { ["message"] = message, ["errors"] = errors }), StatusCodes.Status422UnprocessableEntity);
    }
}

/// <summary>An e-invoice API error answer, as one type for the endpoints' typed results.</summary>
public sealed class EInvoiceProblem : IResult, IStatusCodeHttpResult
{
    private readonly IResult body;

    internal EInvoiceProblem(IResult body, int status)
    {
        this.body = body;
        StatusCode = status;
    }

    public int? StatusCode { get; }

    public Task ExecuteAsync(HttpContext httpContext) => body.ExecuteAsync(httpContext);
}

/// <summary>Collects Laravel-style validation messages per field, in the order the fields were checked.</summary>
public sealed class EInvoiceValidation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public EInvoiceProblem Answer(HttpContext context) => EInvoiceErrors.Invalid(context, errors);

    /// <summary>"per_page" → "per page", as Laravel names an attribute in its messages.</summary>
    public static string Attribute(string field) => field.Replace('_', ' ');
}

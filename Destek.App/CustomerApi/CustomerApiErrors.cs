using Destek.App.Platform;
using Destek.Core.Customers;

namespace Destek.App.CustomerApi;

/// <summary>
/// The customer API document's error body <c>{"success": false, "message": "...", "errors": {field: [...]}}</c>
/// plus the shared <c>code</c> and <c>requestId</c>. <c>errors</c> is there when a field is to blame (400, 415, 422).
/// </summary>
public static class CustomerApiErrors
{
    public static CustomerProblem Problem(HttpContext context, int status, string message) =>
        new(ApiErrorCodes.Error(context, status, new Dictionary<string, object?> { ["success"] = false, ["message"] = message }), status);

    public static CustomerProblem Field(HttpContext context, int status, string field, string message) =>
        Fields(context, status, message, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });

    public static CustomerProblem Fields(HttpContext context, int status, string message, IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        new(ApiErrorCodes.Error(context, status, new Dictionary<string, object?> { ["success"] = false, ["message"] = message, ["errors"] = errors }), status);

    /// <summary>The one place a refusal from Destek.Core gets its status code.</summary>
    public static CustomerProblem Refused(HttpContext context, CustomerRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind == CustomerRefusalKind.NotFound
            ? Problem(context, StatusCodes.Status404NotFound, refusal.Message)
            : Fields(context, StatusCodes.Status422UnprocessableEntity, refusal.Message, refusal.Errors);
    }
}

/// <summary>A /api/user error answer, as one type for the endpoints' typed results.</summary>
public sealed class CustomerProblem : IResult, IStatusCodeHttpResult
{
    private readonly IResult body;

    internal CustomerProblem(IResult body, int status)
    {
        this.body = body;
        StatusCode = status;
    }

    public int? StatusCode { get; }

    public Task ExecuteAsync(HttpContext httpContext) => body.ExecuteAsync(httpContext);
}

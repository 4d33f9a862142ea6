using Destek.App.Platform;
using Destek.App.Platform.OpenApi;
using Destek.Core.ExternalApi;

namespace Destek.App.ExternalApi;

/// <summary>
/// the external API (/api/external, X-API-Key + X-API-Secret) and its ticket webhooks.
/// Program.cs calls <see cref="AddExternalApi"/> and <see cref="MapExternalApi"/>; everything else
/// lives in this folder and in Destek.Core/ExternalApi and Destek.Core/Webhooks.
/// </summary>
public static class ExternalApiExtensions
{
    public const string Prefix = "/api/external";

    public static WebApplicationBuilder AddExternalApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExternalApiCore(builder.Configuration);
        builder.Services.AddSingleton<ExternalApiGate>();
        return builder;
    }

    public static WebApplication MapExternalApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapExternalTicketsApi();
        app.MapExternalCommentsApi();

        // Unknown paths (404) and wrong methods (405 with Allow) are answered in the API's error shape by
        // ApiErrorShield; a catch-all route here would swallow the router's 405s.
        return app;
    }

    /// <summary>
    /// Every /api/external group: the gate (credentials, then the client's rate limit), then
    /// idempotency scoped by the client, then the net for unexpected failures, so a stored answer is
    /// the one the caller saw.
    /// </summary>
    public static RouteGroupBuilder MapExternalGroup(this IEndpointRouteBuilder app, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(Prefix + path);
        group.AddEndpointFilter<ExternalApiGate>()
            .WithIdempotencyKeys(context => "client:" + ExternalApiGate.ClientOf(context).Id)
            .AddEndpointFilter<ExternalApiFailures>()
            .WithGroupName(OpenApiSurfaces.External)
            .DisableAntiforgery();
        return group;
    }
}

/// <summary>The external API's error body <c>{"detail": "..."}</c> plus the shared <c>code</c> and <c>requestId</c> (and <c>field</c> on 400).</summary>
public static class ExternalErrors
{
    public const string TicketNotFound = "Talep bulunamadı.";

    public static ExternalProblem Problem(HttpContext context, int status, string detail, string? field = null)
    {
        var body = new Dictionary<string, object?> { ["detail"] = detail };
        if (field is not null)
        {
            body["field"] = field;
        }

        return new ExternalProblem(ApiErrorCodes.Error(context, status, body), status);
    }

    /// <summary>The one place a refusal from Destek.Core gets its status code.</summary>
    public static ExternalProblem Refused(HttpContext context, ExternalRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var status = refusal.Kind switch
        {
            ExternalRefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            ExternalRefusalKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return Problem(context, status, refusal.Detail, refusal.Field);
    }
}

/// <summary>An /api/external error answer, as one type for the endpoints' typed results.</summary>
public sealed class ExternalProblem : IResult, IStatusCodeHttpResult
{
    private readonly IResult body;

    internal ExternalProblem(IResult body, int status)
    {
        this.body = body;
        StatusCode = status;
    }

    public int? StatusCode { get; }

    public Task ExecuteAsync(HttpContext httpContext) => body.ExecuteAsync(httpContext);
}

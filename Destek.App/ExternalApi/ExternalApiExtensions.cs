using Destek.App.Platform;
using Destek.Core.ExternalApi;

namespace Destek.App.ExternalApi;

/// <summary>
/// seed-000's external API (/api/external, X-API-Key + X-API-Secret) and its ticket webhooks.
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
        var api = app.MapGroup(Prefix)
            .AddEndpointFilter<ExternalApiGate>()
            .WithIdempotencyKeys(context => "client:" + ExternalApiGate.ClientOf(context).Id)
            .AddEndpointFilter<ExternalApiFailures>()
            .ExcludeFromDescription()
            .DisableAntiforgery();
        ExternalTicketsEndpoints.Map(api);
        ExternalCommentsEndpoints.Map(api);

        // Unknown paths (404) and wrong methods (405 with Allow) are answered in the API's error shape by
        // ApiErrorShield; a catch-all route here would swallow the router's 405s.
        return app;
    }
}

/// <summary>seed-000's error body <c>{"detail": "..."}</c> plus the shared <c>code</c> and <c>requestId</c> (and <c>field</c> on 400).</summary>
public static class ExternalErrors
{
    public static IResult Problem(HttpContext context, int status, string detail, string? field = null)
    {
        var body = new Dictionary<string, object?> { ["detail"] = detail };
        if (field is not null)
        {
            body["field"] = field;
        }

        return ApiErrorCodes.Error(context, status, body);
    }
}

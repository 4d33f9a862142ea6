using Destek.App.Platform;
using Destek.App.Platform.OpenApi;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Destek.App.EInvoiceApi;

/// <summary>
/// The e-invoice API v1 (/api/v1/einvoices, Bearer tokens with abilities, the feature.einvoice_api module).
/// Program.cs calls <see cref="AddEInvoiceApi"/> and <see cref="MapEInvoiceApi"/>; everything else lives in
/// this folder, Destek.Core/Access/PersonalAccessToken* and Destek.Core/Invoices.
/// </summary>
public static class EInvoiceApiExtensions
{
    public const string Prefix = "/api/v1/einvoices";

    public static WebApplicationBuilder AddEInvoiceApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EInvoiceApiOptions>().Bind(builder.Configuration.GetSection(EInvoiceApiOptions.Section));
        builder.Services.AddPersonalAccessTokens();
        builder.Services.TryAddSingleton<ModuleSwitches>();
        builder.Services.TryAddSingleton<InvoiceQueries>();
        builder.Services.AddSingleton<EInvoiceApiGate>();
        return builder;
    }

    public static WebApplication MapEInvoiceApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapEInvoicesApi();
        return app;
    }

    /// <summary>
    /// The gate (token, allowlist, rate limit, module, ability), then idempotency scoped by the token's
    /// owner, then the net for unexpected failures, so a stored answer is the one the caller saw.
    /// </summary>
    public static RouteGroupBuilder MapEInvoiceGroup(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(Prefix);
        group.AddEndpointFilter<EInvoiceApiGate>()
            .WithIdempotencyKeys(context => "pat-user:" + EInvoiceApiGate.CallerOf(context).UserId)
            .AddEndpointFilter<EInvoiceApiFailures>()
            .WithGroupName(OpenApiSurfaces.EInvoice)
            .DisableAntiforgery();
        return group;
    }

    /// <summary>The token ability this endpoint needs.</summary>
    public static RouteHandlerBuilder RequireAbility(this RouteHandlerBuilder builder, string ability) =>
        builder.WithMetadata(new RequiredAbility(ability));
}

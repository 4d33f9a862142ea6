using Destek.Core.Invoices;

namespace Destek.App.InvoicePlatform;

/// <summary>
/// The invoice platform (seed-001): /v1/invoices with organization keys, the sandbox and its simulator.
/// Program.cs calls <see cref="AddInvoicePlatform"/> and <see cref="MapInvoicePlatform"/>; everything else
/// lives in this folder, Destek.Core/Access/OrganizationKey* and Destek.Core/Invoices/InvoicePlatform*.
/// </summary>
public static class InvoicePlatformExtensions
{
    public const string GroupName = "invoices";

    public static WebApplicationBuilder AddInvoicePlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddInvoicePlatformCore(builder.Configuration);
        builder.Services.AddSingleton<InvoicePlatformGate>();
        builder.Services.AddSingleton<InvoicePlatformIdempotency>();
        builder.Services.AddSingleton<InvoicePlatformFailures>();
        builder.Services.AddSingleton<InvoiceCursor>();
        return builder;
    }

    public static WebApplication MapInvoicePlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapInvoicesApi();
        app.MapSandboxInvoicesApi();
        // Anything else under /v1 answers in the document's model too (behind the same gate, so with its headers).
        app.MapInvoicePlatformGroup("/v1").MapFallback("{**path}", PlatformFallback.Answer).ExcludeFromDescription();
        return app;
    }

    /// <summary>The gate (key, then rate limit), then idempotency scoped by organization and mode, then the net for unexpected failures.</summary>
    public static RouteGroupBuilder MapInvoicePlatformGroup(this IEndpointRouteBuilder app, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(prefix);
        group.AddEndpointFilter<InvoicePlatformGate>()
            .AddEndpointFilter<InvoicePlatformIdempotency>()
            .AddEndpointFilter<InvoicePlatformFailures>()
            .WithGroupName(GroupName)
            .WithTags("Faturalar")
            .DisableAntiforgery();
        return group;
    }

    /// <summary>The document's error model for each status the endpoint may answer, plus 401 and 429 which every endpoint may.</summary>
    public static RouteHandlerBuilder ProducesPlatformErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses.Concat([StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests]).Distinct())
        {
            builder.Produces<PlatformErrorBody>(status, "application/json");
        }

        return builder;
    }
}

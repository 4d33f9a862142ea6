using Destek.App.Platform;
using Destek.App.Platform.OpenApi;
using Destek.Core.Access;

namespace Destek.App.CustomerApi;

/// <summary>
/// The customer API (/api/user, the customer API document). Program.cs calls <see cref="AddCustomerApi"/>
/// and <see cref="MapCustomerApi"/>; the Core side is Destek.Core/Customers.
/// </summary>
public static class CustomerApiExtensions
{
    public const string Prefix = "/api/user";

    public static WebApplicationBuilder AddCustomerApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CustomerApiOptions>().Bind(builder.Configuration.GetSection(CustomerApiOptions.Section));
        // Credentials in the order they are asked; a Bearer personal token goes before the cookie.
        builder.Services.AddPersonalAccessTokens();
        builder.Services.AddSingleton<ICustomerCredential, CustomerTokenCredential>();
        builder.Services.AddSingleton<ICustomerCredential, CustomerSessionCredential>();
        builder.Services.AddSingleton<CustomerApiGate>();
        return builder;
    }

    public static WebApplication MapCustomerApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCustomerTicketsApi();
        return app;
    }

    /// <summary>
    /// Every /api/user group: the gate (credential, customer's budget, JSON writes), then idempotency
    /// scoped by the customer, then the net for unexpected failures.
    /// </summary>
    public static RouteGroupBuilder MapCustomerGroup(this IEndpointRouteBuilder app, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(Prefix + path);
        group.AddEndpointFilter<CustomerApiGate>()
            .WithIdempotencyKeys(context => "customer:" + CustomerApiGate.CustomerOf(context).UserId)
            .AddEndpointFilter<CustomerApiFailures>()
            .WithGroupName(OpenApiSurfaces.Customer)
            .DisableAntiforgery();
        return group;
    }
}

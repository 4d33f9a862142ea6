using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Destek.Core.Access;

public static class PersonalAccessTokenServices
{
    /// <summary>The validator and admin; safe to call from every surface that accepts these tokens (e-invoice API, customer portal).</summary>
    public static IServiceCollection AddPersonalAccessTokens(this IServiceCollection services)
    {
        services.TryAddSingleton<PersonalAccessTokenValidator>();
        services.TryAddSingleton<PersonalAccessTokenAdmin>();
        return services;
    }
}

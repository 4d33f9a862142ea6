using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Destek.Core.Customers;

/// <summary>The customer side's Core services, for every customer-facing surface (API, portal, jobs).</summary>
public static class CustomersCoreExtensions
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.TryAddSingleton<CustomerDirectory>();
        services.TryAddSingleton<CustomerClaims>();
        services.TryAddSingleton<CustomerTicketQueries>();
        services.TryAddSingleton<CustomerTicketService>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Core.Search;

public static class SearchExtensions
{
    public static IServiceCollection AddTicketSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<TicketSearch>();
        return services;
    }
}

using Destek.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Destek.Core.Satisfaction;

/// <summary>Customer satisfaction and the agents' canned replies: the Core services of "working the ticket".</summary>
public static class SatisfactionCoreExtensions
{
    public static IServiceCollection AddTicketWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SatisfactionOptions>().Bind(configuration.GetSection(SatisfactionOptions.Section));
        services.TryAddSingleton<SatisfactionService>();
        services.TryAddSingleton<CannedReplyService>();
        services.TryAddSingleton<TicketMergeQueries>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Destek.Core.Panel;

public static class PanelExtensions
{
    public static IServiceCollection AddPanel(this IServiceCollection services)
    {
        services.AddSingleton<PanelQueries>();
        return services;
    }
}

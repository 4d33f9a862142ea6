using Destek.Core.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Destek.Core.Invoices;

public static class InvoicePlatformCoreExtensions
{
    /// <summary>The invoice platform's core: organization keys, the service, the providers (sandbox simulator, manual) and their job.</summary>
    public static IServiceCollection AddInvoicePlatformCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InvoicePlatformOptions>().Bind(configuration.GetSection(InvoicePlatformOptions.Section));
        services.AddSingleton<OrganizationKeyAuthenticator>();
        services.AddSingleton<OrganizationKeyAdmin>();
        services.AddSingleton<InvoicePlatformWebhooks>();
        services.AddSingleton<InvoicePlatformWebhookAdmin>();
        services.AddSingleton<IInvoiceProvider, SandboxInvoiceSimulator>();
        services.AddSingleton<IInvoiceProvider, ManualInvoiceProvider>();
        services.AddSingleton<InvoicePlatformService>();
        services.AddSingleton<InvoiceCreateQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<InvoiceCreateQueue>());
        var poll = Math.Max(1, configuration.GetSection(InvoicePlatformOptions.Section).Get<InvoicePlatformOptions>()?.ProviderPollSeconds ?? 2);
        services.AddQuartz(q => q.ScheduleJob<InvoiceProviderJob>(t => t.WithIdentity("invoice-provider-trigger", "destek")
            .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(poll)).RepeatForever())));
        return services;
    }
}

using Destek.Core.Access;
using Destek.Core.Identity;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Destek.Core.ExternalApi;

public static class ExternalApiCoreExtensions
{
    /// <summary>API clients, the external API's ticket services, the webhook outbox and its delivery job.</summary>
    public static IServiceCollection AddExternalApiCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<ApiClientAuthenticator>();
        services.AddSingleton<ApiClientAdmin>();
        services.AddSingleton<ExternalTicketQueries>();
        services.AddSingleton<ExternalTicketService>();
        services.AddSingleton<ExternalCountCache>();
        services.AddSingleton<SystemUser>();

        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<WebhookSubscriptionCache>();
        services.AddSingleton<ITicketEventHandler, WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookAdmin>();
        services.AddWebhookEngine();
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.CreateHandler(sp.GetRequiredService<WebhookUrlGuard>()))
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);

        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddQuartz(q =>
        {
            q.AddJob<WebhookDeliveryJob>(j => j.WithIdentity(WebhookDeliveryJob.Key));
            q.AddTrigger(t => t.ForJob(WebhookDeliveryJob.Key).WithIdentity("webhook-delivery-trigger", "destek")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, webhooks.PollIntervalSeconds))).RepeatForever()));
        });

        return services;
    }
}

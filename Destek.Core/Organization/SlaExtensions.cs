using Destek.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Destek.Core.Organization;

public static class SlaExtensions
{
    /// <summary>
    /// SLA clock and escalation, and automatic assignment. Registered before the mail and webhook
    /// handlers, so their payloads see the assignee and the due times.
    /// </summary>
    public static IServiceCollection AddSlaAndAssignment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section));
        services.AddSingleton<ITicketEventHandler, AssignmentHandler>();
        services.AddSingleton<AssignmentAdmin>();
        services.AddSingleton<SlaRules>();
        services.AddSingleton<ITicketEventPreparer, SlaClock>();
        services.AddSingleton<ISlaEscalationHandler, SlaEscalationMail>();
        services.AddSingleton<SlaWatch>();
        services.AddSingleton<SlaAdmin>();
        services.AddQuartz(q =>
        {
            q.AddJob<SlaEscalationJob>(j => j.WithIdentity(SlaEscalationJob.Key));
            q.AddTrigger<SlaEscalationJob>((sp, t) =>
            {
                var interval = sp.GetRequiredService<IOptions<SlaOptions>>().Value.JobInterval;
                interval = interval < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : interval;
                t.ForJob(SlaEscalationJob.Key).WithIdentity("sla-escalation-trigger", "sla")
                    .StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow().Add(interval))
                    .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever());
            });
        });
        return services;
    }
}

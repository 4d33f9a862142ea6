using Destek.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Destek.Core.Mail;

public static class MailExtensions
{
    /// <summary>The mail outbox: the ticket mail handler, the System.Net.Mail transport and the sending job.</summary>
    public static IServiceCollection AddDestekMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IMailTransport, SystemNetMailTransport>();
        services.AddSingleton<MailOutboxProcessor>();
        services.AddSingleton<ITicketEventHandler, TicketMailHandler>();
        var poll = Math.Max(1, configuration.GetValue(MailOptions.Section + ":PollSeconds", 10));
        services.AddQuartz(q =>
        {
            q.AddJob<MailOutboxJob>(j => j.WithIdentity(MailOutboxJob.Key));
            q.AddTrigger(t => t.ForJob(MailOutboxJob.Key).WithIdentity("mail-outbox-trigger", "mail").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(poll)).RepeatForever()));
        });
        return services;
    }
}

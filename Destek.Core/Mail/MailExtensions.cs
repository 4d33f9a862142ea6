using Destek.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Destek.Core.Mail;

public static class MailExtensions
{
    /// <summary>
    /// The mail outbox: the ticket mail handler, the MailKit transport and the sending job. The host
    /// registers it, beside the features whose events it mails about.
    /// </summary>
    public static IHostApplicationBuilder AddDestekMail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IMailTransport, MailKitTransport>();
        services.AddSingleton<MailOutboxProcessor>();
        services.AddSingleton<ITicketEventHandler, TicketMailHandler>();
        services.AddSingleton<MailIntake>();
        services.AddSingleton<TicketFollowLinks>();
        services.AddQuartz(q =>
        {
            q.AddJob<MailOutboxJob>(j => j.WithIdentity(MailOutboxJob.Key));
            q.AddTrigger<MailOutboxJob>((sp, t) =>
            {
                var poll = Math.Max(1, sp.GetRequiredService<IOptions<MailOptions>>().Value.PollSeconds);
                t.ForJob(MailOutboxJob.Key).WithIdentity("mail-outbox-trigger", "mail").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(poll)).RepeatForever());
            });
            q.AddJob<MailIntakeJob>(j => j.WithIdentity(MailIntakeJob.Key));
            q.AddTrigger<MailIntakeJob>((sp, t) =>
            {
                var interval = sp.GetRequiredService<IOptions<MailOptions>>().Value.Imap.PollInterval;
                interval = interval < TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : interval;
                t.ForJob(MailIntakeJob.Key).WithIdentity("mail-intake-trigger", "mail")
                    .StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow().Add(interval))
                    .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever());
            });
        });
        return builder;
    }
}

using Quartz;

namespace Destek.Core.Mail;

/// <summary>Quartz job: sends the outbox's due mails every Destek:Mail:PollSeconds.</summary>
[DisallowConcurrentExecution]
public sealed class MailOutboxJob(MailOutboxProcessor processor) : IJob
{
    public static readonly JobKey Key = new("mail-outbox", "mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await processor.SendDueAsync(cancellationToken);
}

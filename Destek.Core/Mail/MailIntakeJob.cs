using Quartz;

namespace Destek.Core.Mail;

/// <summary>
/// Quartz job: one pass of the IMAP intake every Destek:Mail:Imap:PollInterval (nothing while Host is
/// empty). On shutdown Quartz waits for it, and the intake finishes the mail in hand before it stops.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MailIntakeJob(MailIntake intake) : IJob
{
    public static readonly JobKey Key = new("mail-intake", "mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await intake.PollAsync(cancellationToken);
}

using Microsoft.Extensions.Options;
using Quartz;

namespace Destek.Core.Webhooks;

/// <summary>Polls the outbox every few seconds (Destek:Webhooks:PollIntervalSeconds); off when DeliveryJobEnabled is false.</summary>
[DisallowConcurrentExecution]
public sealed class WebhookDeliveryJob(WebhookDispatcher dispatcher, IOptionsMonitor<WebhookOptions> options) : IJob
{
    public static readonly JobKey Key = new("webhook-delivery", "destek");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.CurrentValue.DeliveryJobEnabled)
        {
            return;
        }

        await dispatcher.DrainAsync(cancellationToken);
    }
}

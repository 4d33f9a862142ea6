using Destek.Core.Tickets;
using Destek.Core.Webhooks;

namespace Destek.App.Settings;

/// <summary>What an admin is typing for a webhook; checked by <see cref="WebhookAdmin"/> when saved, not here.</summary>
public sealed class WebhookForm
{
    public string Url { get; set; } = "";
    public HashSet<string> Events { get; } = [.. TicketEvent.All];
    public string? Secret { get; set; }
    public int MaxAttempts { get; set; } = WebhookSubscription.DefaultMaxAttempts;
    public int RetryDelaySeconds { get; set; } = WebhookSubscription.DefaultRetryDelaySeconds;
}

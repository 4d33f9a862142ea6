namespace Destek.Core.Webhooks;

/// <summary>The "Destek:Webhooks" configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Destek:Webhooks";

    /// <summary>
    /// Lets deliveries reach loopback, private and link-local addresses (tests and local development);
    /// off unless set explicitly, whatever the environment.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Whether the Quartz job polls the outbox (tests switch it off and drive delivery themselves).</summary>
    public bool DeliveryJobEnabled { get; set; } = true;

    /// <summary>The safety net: how often the job looks for due rows the wake-up did not bring (retries, other nodes).</summary>
    public int PollIntervalSeconds { get; set; } = 5;

    /// <summary>Deliver as soon as outbox rows commit on this node (with DeliveryJobEnabled), not at the next poll.</summary>
    public bool WakeOnCommit { get; set; } = true;

    /// <summary>Deliveries sent at the same time by one run of the job.</summary>
    public int Parallelism { get; set; } = 4;
}

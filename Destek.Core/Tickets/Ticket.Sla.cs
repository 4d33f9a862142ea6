using Destek.Core.Organization;

namespace Destek.Core.Tickets;

/// <summary>
/// The SLA clock, stored on the ticket so the queue can sort by it from an index. Only
/// <see cref="UpdateSla"/> writes these fields; the dispatcher's <see cref="SlaClock"/> calls it after every change.
/// The resolution clock pauses while the ticket waits on the customer — open or in progress with staff
/// having spoken last (the customer API's "cevaplandi") — and runs again on the customer's answer;
/// it stops at resolved or closed and runs again if the ticket is reopened. First response is the
/// first public staff reply.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>What <see cref="SlaNextDueAt"/> holds when no clock runs, so both sort directions need no NULL handling.</summary>
    public static readonly DateTime NoSlaDue = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public DateTime? FirstResponseDueAt { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }
    public DateTime? FirstResponseWarnAt { get; private set; }

    /// <summary>While the clock runs, when resolution is due; once it stops, the due time it had (kept for reports).</summary>
    public DateTime? ResolutionDueAt { get; private set; }
    public DateTime? ResolutionWarnAt { get; private set; }

    /// <summary>When the running resolution clock last started; null while paused or stopped.</summary>
    public DateTime? SlaClockStartedAt { get; private set; }

    /// <summary>When the resolution clock last stopped (waiting on the customer, resolved, closed); null while it runs.</summary>
    public DateTime? ResolutionStoppedAt { get; private set; }

    /// <summary>Business seconds of the resolution target used before <see cref="SlaClockStartedAt"/>.</summary>
    public long SlaResolutionUsedSeconds { get; private set; }

    /// <summary>The nearer due time of the clocks that run now, or <see cref="NoSlaDue"/>.</summary>
    public DateTime SlaNextDueAt { get; private set; } = NoSlaDue;

    /// <summary>Open or in progress, and staff spoke last: the ball is in the customer's court.</summary>
    public bool WaitsOnCustomer => IsWorkable && StaffSpokeLast;

    private bool IsWorkable => Status is TicketStatus.Open or TicketStatus.InProgress;

    /// <summary>
    /// Brings the clocks up to date with the ticket as it is now. Idempotent: called after every change,
    /// it starts, pauses or resumes the resolution clock and recomputes due and escalation times from the
    /// targets (which follow priority and department). Without targets the ticket has no SLA.
    /// </summary>
    public void UpdateSla(SlaTargets? targets, BusinessCalendar calendar, double escalationThreshold, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (FirstRespondedAt is null && StaffSpokeLast && LastPublicMessageAt is { } answeredAt)
        {
            FirstRespondedAt = answeredAt;
        }

        var shouldRun = IsWorkable && !StaffSpokeLast;
        if (shouldRun && SlaClockStartedAt is null)
        {
            // The very first start is the ticket's creation, not the moment the handler ran.
            SlaClockStartedAt = ResolutionStoppedAt is null && SlaResolutionUsedSeconds == 0 ? CreatedAt : now;
            ResolutionStoppedAt = null;
        }
        else if (!shouldRun && SlaClockStartedAt is { } runningSince)
        {
            SlaResolutionUsedSeconds += (long)calendar.Between(runningSince, now).TotalSeconds;
            SlaClockStartedAt = null;
            ResolutionStoppedAt = now;
        }

        if (targets is null)
        {
            FirstResponseDueAt = FirstResponseWarnAt = ResolutionDueAt = ResolutionWarnAt = null;
            SlaNextDueAt = NoSlaDue;
            return;
        }

        if (FirstRespondedAt is null)
        {
            FirstResponseDueAt = calendar.Add(CreatedAt, targets.FirstResponse);
            FirstResponseWarnAt = calendar.Add(CreatedAt, targets.FirstResponse * escalationThreshold);
        }

        if (SlaClockStartedAt is { } started)
        {
            var used = TimeSpan.FromSeconds(SlaResolutionUsedSeconds);
            ResolutionDueAt = calendar.Add(started, Max(targets.Resolution - used));
            ResolutionWarnAt = calendar.Add(started, Max((targets.Resolution * escalationThreshold) - used));
        }

        var next = NoSlaDue;
        if (IsWorkable && FirstRespondedAt is null && FirstResponseDueAt is { } firstDue && firstDue < next)
        {
            next = firstDue;
        }

        if (SlaClockStartedAt is not null && ResolutionDueAt is { } resolutionDue && resolutionDue < next)
        {
            next = resolutionDue;
        }

        SlaNextDueAt = next;
    }

    private static TimeSpan Max(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.Zero;
}

using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Destek.Core.Organization;

/// <summary>
/// Every <see cref="SlaOptions.JobInterval"/>: escalates tickets whose clock passed the threshold and records
/// breaches of due times that passed with the clock running. Both look only at times within
/// <see cref="SlaOptions.Lookback"/>, over indexes on the stored times, so a run costs the same at a
/// million tickets. Safe to run on several nodes: the rows are unique per ticket and kind, and a
/// run that loses the race to another node fails its save and leaves the work to the winner.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SlaEscalationJob(SlaWatch watch) : IJob
{
    public static readonly JobKey Key = new("sla-escalation", "sla");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await watch.RunAsync(cancellationToken);
}

/// <summary>What one run of the escalation job did.</summary>
public sealed record SlaWatchResult(int Escalations, int Breaches);

/// <summary>The escalation job's work, callable on its own (tests, the command line).</summary>
public sealed class SlaWatch(IDbContextFactory<DestekDbContext> dbFactory, IEnumerable<ISlaEscalationHandler> handlers, IOptions<SlaOptions> options, TimeProvider clock)
{
    private readonly ISlaEscalationHandler[] _handlers = handlers.ToArray();

    public async Task<SlaWatchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - options.Value.Lookback;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking();
        var workable = tickets.Where(t => t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress);

        var firstResponse = await workable
            .Where(t => t.FirstResponseWarnAt > since && t.FirstResponseWarnAt <= now && t.FirstRespondedAt == null
                && !db.Set<SlaEscalation>().Any(e => e.TicketId == t.Id && e.Kind == SlaKind.FirstResponse))
            .Select(t => new Candidate(t.Id, t.Number, t.Title, t.Priority, t.FirstResponseDueAt!.Value, t.AssigneeId, t.DepartmentId))
            .ToListAsync(cancellationToken);
        var resolution = await workable
            .Where(t => t.ResolutionWarnAt > since && t.ResolutionWarnAt <= now && t.SlaClockStartedAt != null
                && !db.Set<SlaEscalation>().Any(e => e.TicketId == t.Id && e.Kind == SlaKind.Resolution))
            .Select(t => new Candidate(t.Id, t.Number, t.Title, t.Priority, t.ResolutionDueAt!.Value, t.AssigneeId, t.DepartmentId))
            .ToListAsync(cancellationToken);
        var notices = firstResponse.Select(c => c.Notice(SlaKind.FirstResponse, now))
            .Concat(resolution.Select(c => c.Notice(SlaKind.Resolution, now))).ToList();
        foreach (var notice in notices)
        {
            db.Add(notice.Escalation);
        }

        // A first response is breached when its due time passed before the first staff reply (or with none yet);
        // resolution when its due time passed while the clock ran (it stopped after the due time, or still runs).
        var firstResponseBreaches = await tickets
            .Where(t => t.FirstResponseDueAt > since && t.FirstResponseDueAt <= now
                && (t.FirstRespondedAt == null ? t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress : t.FirstRespondedAt > t.FirstResponseDueAt)
                && !db.Set<SlaBreach>().Any(b => b.TicketId == t.Id && b.Kind == SlaKind.FirstResponse))
            .Select(t => new { t.Id, Due = t.FirstResponseDueAt!.Value })
            .ToListAsync(cancellationToken);
        var resolutionBreaches = await tickets
            .Where(t => t.ResolutionDueAt > since && t.ResolutionDueAt <= now
                && (t.SlaClockStartedAt != null || t.ResolutionStoppedAt > t.ResolutionDueAt)
                && !db.Set<SlaBreach>().Any(b => b.TicketId == t.Id && b.Kind == SlaKind.Resolution))
            .Select(t => new { t.Id, Due = t.ResolutionDueAt!.Value })
            .ToListAsync(cancellationToken);
        foreach (var breach in firstResponseBreaches)
        {
            db.Add(SlaBreach.Create(breach.Id, SlaKind.FirstResponse, breach.Due, now));
        }

        foreach (var breach in resolutionBreaches)
        {
            db.Add(SlaBreach.Create(breach.Id, SlaKind.Resolution, breach.Due, now));
        }

        if (notices.Count > 0)
        {
            foreach (var handler in _handlers)
            {
                await handler.HandleAsync(db, notices, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SlaWatchResult(notices.Count, firstResponseBreaches.Count + resolutionBreaches.Count);
    }

    private sealed record Candidate(int Id, string Number, string Title, TicketPriority Priority, DateTime Due, int? AssigneeId, int DepartmentId)
    {
        public SlaEscalationNotice Notice(SlaKind kind, DateTime now) =>
            new(SlaEscalation.Create(Id, kind, Due, AssigneeId, DepartmentId, now), Number, Title, Priority);
    }
}

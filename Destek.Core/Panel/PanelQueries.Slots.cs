using System.Linq.Expressions;
using Destek.Core.Satisfaction;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Panel;

/// <summary>
/// The panel's extension points, filled when the SLA (sla-assign) and CSAT (ticket-work) branches are
/// merged. Each is one member; the page, the CSV and the bench pick the change up on their own.
/// </summary>
public sealed partial class PanelQueries
{
    /// <summary>
    /// Tickets past due: open tickets whose running SLA clock (first response, or resolution) is due
    /// before now. A paused clock (waiting on the customer) is not overdue. The open-only SLA index
    /// holds exactly these candidates.
    /// </summary>
    private static Expression<Func<Ticket, bool>> OverdueRule(DateTime now) =>
        t => (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress) && t.SlaNextDueAt < now;

    private const string OverdueNote = "SLA süresi geçmiş açık talepler";

    /// <summary>
    /// The instant of a ticket's first staff answer, as SQL over "Tickets" t (both providers): the first public reply by
    /// staff, as the SLA clock records it on the ticket (tickets from before the clock got it from their messages in the
    /// PanelCoveringIndexes migrations). Read from the ticket, a year's figures come from one covering index; a look-up
    /// of each ticket's messages took 0.6 s at 1,000,000 tickets.
    /// </summary>
    private const string FirstResponseAtSql = "t.\"FirstRespondedAt\"";

    /// <summary>SLA compliance: of the tickets resolved in the range that had a resolution target, the percent resolved by it.</summary>
    private static async Task<IReadOnlyList<PanelFigure>> SlaComplianceAsync(PanelContext c, CancellationToken ct)
    {
        var (from, to) = (c.Period.FromUtc, c.Period.ToUtc);
        var withTarget = c.Tickets.Where(t => t.ResolvedAt >= from && t.ResolvedAt < to && t.ResolutionDueAt != null);
        var all = await withTarget.CountAsync(ct);
        if (all == 0)
        {
            return One("sla_compliance", "SLA uyumu", null, PanelUnit.Percent, "Aralıkta hedefli çözülen talep yok");
        }

        var met = await withTarget.CountAsync(t => t.ResolvedAt <= t.ResolutionDueAt, ct);
        return One("sla_compliance", "SLA uyumu", Math.Round(100.0 * met / all, 1), PanelUnit.Percent);
    }

    /// <summary>Average rating (1–5) of the ratings given in the range on the tickets in scope.</summary>
    private static async Task<IReadOnlyList<PanelFigure>> CsatAverageAsync(PanelContext c, CancellationToken ct)
    {
        var (from, to) = (c.Period.FromUtc, c.Period.ToUtc);
        var ratings = c.Db.Set<TicketRating>().Where(r => r.RatedAt >= from && r.RatedAt < to);
        // Every rating is of a ticket: for all departments the (RatedAt, Score) index alone answers, without a
        // look-up of each rating's ticket (205 ms for a year at 1,000,000 tickets).
        if (!c.AllDepartments)
        {
            ratings = ratings.Where(r => c.Tickets.Any(t => t.Id == r.TicketId));
        }

        var average = await ratings.AverageAsync(r => (double?)r.Score, ct);
        return average is { } value
            ? One("csat_average", "Memnuniyet ortalaması", Math.Round(value, 2), PanelUnit.Score)
            : One("csat_average", "Memnuniyet ortalaması", null, PanelUnit.Score, "Aralıkta değerlendirme yok");
    }
}

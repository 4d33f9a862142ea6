using System.Linq.Expressions;
using Destek.Core.Tickets;

namespace Destek.Core.Panel;

/// <summary>
/// The panel's extension points, filled when the SLA (sla-assign) and CSAT (ticket-work) branches are
/// merged. Each is one member; the page, the CSV and the bench pick the change up on their own.
/// </summary>
public sealed partial class PanelQueries
{
    /// <summary>
    /// Tickets past due. Until the SLA fields exist: open tickets older than the service promise of a
    /// first answer (24 hours). With sla-assign: open tickets whose resolution (or unanswered first
    /// response) is due before now.
    /// </summary>
    private static Expression<Func<Ticket, bool>> OverdueRule(DateTime now)
    {
        var promised = now.AddHours(-24);
        return t => (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress) && t.CreatedAt < promised;
    }

    private const string OverdueNote = "24 saatten eski açık talepler";

    /// <summary>
    /// The instant of a ticket's first staff answer, as SQL over "Tickets" t (both providers). Until
    /// the SLA fields exist: the first public reply by staff. With sla-assign: t."FirstRespondedAt".
    /// </summary>
    private const string FirstResponseAtSql =
        "(SELECT min(m.\"CreatedAt\") FROM \"TicketMessages\" m WHERE m.\"TicketId\" = t.\"Id\" AND m.\"Kind\" = 0 AND m.\"AuthorKind\" = 0)";

    /// <summary>SLA compliance (percent of tickets resolved in the range within their target): needs the SLA fields.</summary>
    private static Task<IReadOnlyList<PanelFigure>> SlaComplianceAsync(PanelContext c, CancellationToken ct) =>
        Task.FromResult(One("sla_compliance", "SLA uyumu", null, PanelUnit.Percent, "SLA verisi yok"));

    /// <summary>Average rating (1–5) of the ratings given in the range: needs the ratings table.</summary>
    private static Task<IReadOnlyList<PanelFigure>> CsatAverageAsync(PanelContext c, CancellationToken ct) =>
        Task.FromResult(One("csat_average", "Memnuniyet ortalaması", null, PanelUnit.Score, "Değerlendirme verisi yok"));
}

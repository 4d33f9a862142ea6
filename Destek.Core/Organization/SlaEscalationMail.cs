using System.Globalization;
using Destek.Core.Identity;
using Destek.Core.Mail;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Organization;

/// <summary>Mails each escalation to the ticket's assignee and the leads of its department, through the outbox.</summary>
public sealed class SlaEscalationMail(IOptions<MailOptions> mail, IOptions<SlaOptions> options, TimeProvider clock) : ISlaEscalationHandler
{
    public const string Kind = "sla_escalation";

    public async Task HandleAsync(ITicketEventSink sink, IReadOnlyList<SlaEscalationNotice> escalations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(escalations);
        var departments = escalations.Select(e => e.Escalation.DepartmentId).Distinct().ToList();
        var assignees = escalations.Select(e => e.Escalation.AssigneeId).OfType<int>().Distinct().ToList();
        var leads = await sink.Query<StaffDepartment>().Where(s => s.IsLead && departments.Contains(s.DepartmentId))
            .Select(s => new { s.DepartmentId, s.UserId }).ToListAsync(cancellationToken);
        var userIds = assignees.Concat(leads.Select(l => l.UserId)).Distinct().ToList();
        var people = await sink.Query<AppUser>().Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.FullName, Email = u.Email! }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var zone = BusinessCalendar.FindZone(options.Value.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notice in escalations)
        {
            var e = notice.Escalation;
            var to = leads.Where(l => l.DepartmentId == e.DepartmentId).Select(l => l.UserId).Prepend(e.AssigneeId ?? 0).Distinct();
            foreach (var id in to)
            {
                if (!people.TryGetValue(id, out var person))
                {
                    continue;
                }

                var what = e.Kind == SlaKind.FirstResponse ? "ilk yanıt" : "çözüm";
                var due = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.DueAt, DateTimeKind.Utc), zone)
                    .ToString("dd.MM.yyyy HH:mm", CultureInfo.GetCultureInfo("tr-TR"));
                var subject = $"SLA uyarısı: {notice.TicketNumber} {what} süresi dolmak üzere";
                var body = string.Create(CultureInfo.InvariantCulture, $"""
                    Merhaba {person.FullName},

                    {notice.TicketNumber} numaralı talebin {what} süresinin %{Math.Round(options.Value.Threshold * 100)}'i doldu.

                    Konu: {notice.TicketTitle}
                    Öncelik: {TicketLifecycle.Label(notice.Priority)}
                    Son süre: {due}
                    Atanan: {(e.AssigneeId is int a && people.TryGetValue(a, out var assignee) ? assignee.FullName : "atanmamış")}

                    Talep: {new Uri(mail.Value.PublicUrl, $"masa/talepler/{e.TicketId}")}
                    """);
                sink.Add(OutboxMail.Create(Kind, e.TicketId, person.Email, person.FullName, subject, body, now));
            }
        }
    }
}

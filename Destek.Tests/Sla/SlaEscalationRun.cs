using Destek.Core.Mail;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.Sla.SlaTestCalendar;

namespace Destek.Tests.Sla;

/// <summary>The escalation job's work (SlaWatch) on the real database and a fake clock: once per ticket and kind, mailed, breaches recorded.</summary>
[Trait("Category", "Integration")]
public sealed class SlaEscalationRun(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private Task<List<SlaEscalation>> EscalationsAsync(int ticketId) =>
        app.WithDbAsync(db => db.Set<SlaEscalation>().Where(e => e.TicketId == ticketId).ToListAsync());

    private Task<List<SlaBreach>> BreachesAsync(int ticketId) =>
        app.WithDbAsync(db => db.Set<SlaBreach>().Where(b => b.TicketId == ticketId).ToListAsync());

    private Task<List<OutboxMail>> MailsAsync(int ticketId) =>
        app.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.TicketId == ticketId && m.Kind == SlaEscalationMail.Kind).ToListAsync());

    private void At(DateTime utc) => app.Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));

    /// <summary>The next Monday 09:00 Istanbul after the shared clock's now (it only moves forward), where a test starts.</summary>
    private DateTime NextMonday()
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Istanbul);
        var day = DateOnly.FromDateTime(now).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        var monday = Local(day.Year, day.Month, day.Day, 9);
        At(monday);
        return monday;
    }

    [Fact]
    public async Task EscalatesOnceAtTheThresholdMailsAssigneeAndLeadAndRecordsTheBreach()
    {
        var monday = NextMonday();
        var (department, people) = await app.DepartmentWithAgentsAsync(2);
        var (assignee, lead) = (people[0], people[1]);
        await app.Get<SlaAdmin>().SetLeadAsync(department, lead.Id, true);
        var ticket = await app.CreateTicketAsync(department);
        await app.Get<TicketService>().AssignAsync(ticket.Id, assignee.Id, Actor.System);
        var stored = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Id == ticket.Id));
        // Medium: first response in 4 business hours, escalation at 80 % (3 h 12 min).
        Assert.Equal(monday.AddHours(4), stored.FirstResponseDueAt);
        Assert.Equal(monday.AddMinutes(192), stored.FirstResponseWarnAt);

        At(monday.AddMinutes(191));
        await app.Get<SlaWatch>().RunAsync();
        Assert.Empty(await EscalationsAsync(ticket.Id));

        At(monday.AddMinutes(195));
        await app.Get<SlaWatch>().RunAsync();
        await app.Get<SlaWatch>().RunAsync();
        var escalation = Assert.Single(await EscalationsAsync(ticket.Id));
        Assert.Equal(SlaKind.FirstResponse, escalation.Kind);
        Assert.Equal(assignee.Id, escalation.AssigneeId);
        Assert.Equal(monday.AddHours(4), escalation.DueAt);
        var mails = await MailsAsync(ticket.Id);
        Assert.Equal(new[] { assignee.Email, lead.Email }.Order(StringComparer.Ordinal), mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains(ticket.Number, m.Subject, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("ilk yanıt", m.Body, StringComparison.Ordinal));
        Assert.Empty(await BreachesAsync(ticket.Id));

        At(monday.AddMinutes(245));
        await app.Get<SlaWatch>().RunAsync();
        await app.Get<SlaWatch>().RunAsync();
        var breach = Assert.Single(await BreachesAsync(ticket.Id));
        Assert.Equal(SlaKind.FirstResponse, breach.Kind);
        Assert.Equal(monday.AddHours(4), breach.DueAt);
        Assert.Equal(monday.AddHours(4), breach.BreachedAt);
        Assert.Single(await EscalationsAsync(ticket.Id));
        Assert.Equal(2, (await MailsAsync(ticket.Id)).Count);
        Assert.Equal("first_response", await app.WithDbAsync(db =>
            db.Database.SqlQuery<string>($"SELECT \"Kind\" AS \"Value\" FROM \"SlaBreaches\" WHERE \"TicketId\" = {ticket.Id}").SingleAsync()));
    }

    [Fact]
    public async Task DoesNotEscalateWhileTheTicketWaitsOnTheCustomer()
    {
        var monday = NextMonday();
        var (department, people) = await app.DepartmentWithAgentsAsync(1);
        var ticket = await app.CreateTicketAsync(department);
        var agent = new StaffMember(people[0].Id, people[0].FullName, people[0].Email, false, [department]);
        await app.Get<TicketService>().ReplyAsync(ticket.Id, "Ekran görüntüsü gönderir misiniz?", Actor.Staff(agent));

        // Far past both thresholds, but the resolution clock is paused and the first response was met.
        At(monday.AddDays(2).AddHours(8));
        await app.Get<SlaWatch>().RunAsync();
        Assert.Empty(await EscalationsAsync(ticket.Id));
        Assert.Empty(await BreachesAsync(ticket.Id));
        var stored = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Id == ticket.Id));
        Assert.Equal(monday, stored.FirstRespondedAt);
        Assert.Equal(Ticket.NoSlaDue, stored.SlaNextDueAt);
    }
}

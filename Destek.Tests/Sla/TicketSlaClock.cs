using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.Extensions.Time.Testing;
using static Destek.Tests.Sla.SlaTestCalendar;

namespace Destek.Tests.Sla;

/// <summary>The SLA clock stored on the ticket (Ticket.UpdateSla), on a fake clock across a weekend and a holiday.</summary>
public sealed class TicketSlaClock
{
    private static readonly SlaTargets Medium = new(TimeSpan.FromHours(4), TimeSpan.FromHours(18));
    private static readonly SlaTargets Urgent = new(TimeSpan.FromHours(1), TimeSpan.FromHours(4));
    private static readonly StaffMember Agent = new(10, "Mehmet Demir", "agent@destek.local", false, [1]);
    private static readonly Actor Customer = Actor.Customer("Ahmet Yılmaz", "ahmet@firma.com");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Local(2026, 11, 27, 16), TimeSpan.Zero));
    private readonly BusinessCalendar _calendar = Create();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private Ticket Open()
    {
        var ticket = Ticket.Open(new NewTicket
        {
            Title = "Fatura yazdırılamıyor",
            Description = "Yazdırırken sistem donuyor.",
            DepartmentId = 1,
            Source = TicketSource.WebForm,
            RequesterName = "Ahmet Yılmaz",
            RequesterEmail = "ahmet@firma.com",
        }, Customer, Now);
        Update(ticket, Medium);
        return ticket;
    }

    private void Update(Ticket ticket, SlaTargets? targets) => ticket.UpdateSla(targets, _calendar, 0.8, Now);

    private void At(DateTime utc) => _clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));

    [Fact]
    public void SetsDueTimesInBusinessHoursFromCreation()
    {
        // Friday 16:00: first response in 4 h (2 on Friday, 2 on Monday), resolution in 18 h (2 + 9 + 7).
        var ticket = Open();
        Assert.Equal(Local(2026, 11, 30, 11), ticket.FirstResponseDueAt);
        Assert.Equal(Local(2026, 12, 1, 16), ticket.ResolutionDueAt);
        Assert.Equal(ticket.FirstResponseDueAt, ticket.SlaNextDueAt);
        // Escalation at 80 %: 3 h 12 min of first response, 14 h 24 min of resolution (2 + 9 + 3 h 24 min).
        Assert.Equal(Local(2026, 11, 30, 10, 12), ticket.FirstResponseWarnAt);
        Assert.Equal(Local(2026, 12, 1, 12, 24), ticket.ResolutionWarnAt);
    }

    [Fact]
    public void PausesWhileWaitingOnTheCustomerAndRunsAgainOnTheirAnswer()
    {
        var ticket = Open();
        At(Local(2026, 11, 30, 10));
        ticket.Reply("Kontrol eder misiniz?", Actor.Staff(Agent), Now);
        Update(ticket, Medium);
        Assert.True(ticket.WaitsOnCustomer);
        Assert.Equal(Local(2026, 11, 30, 10), ticket.FirstRespondedAt);
        Assert.Null(ticket.SlaClockStartedAt);
        Assert.Equal(Ticket.NoSlaDue, ticket.SlaNextDueAt);
        // Friday 2 h and Monday 1 h used.
        Assert.Equal((long)TimeSpan.FromHours(3).TotalSeconds, ticket.SlaResolutionUsedSeconds);

        // The customer answers on Wednesday, a holiday in this calendar: the clock runs from Thursday 09:00 with 15 h left.
        At(Local(2026, 12, 2, 11));
        ticket.Reply("Hâlâ olmuyor.", Customer, Now);
        Update(ticket, Medium);
        Assert.False(ticket.WaitsOnCustomer);
        Assert.Equal(Local(2026, 12, 4, 15), ticket.ResolutionDueAt);
        Assert.Equal(ticket.ResolutionDueAt, ticket.SlaNextDueAt);
        // The first response stays as it was met.
        Assert.Equal(Local(2026, 11, 30, 11), ticket.FirstResponseDueAt);
    }

    [Fact]
    public void RecomputesDueTimesWhenThePriorityChanges()
    {
        var ticket = Open();
        At(Local(2026, 11, 27, 16, 30));
        ticket.ChangePriority(TicketPriority.Urgent, Actor.Staff(Agent), Now);
        Update(ticket, Urgent);
        Assert.Equal(Local(2026, 11, 27, 17), ticket.FirstResponseDueAt);
        // 4 h from creation: 2 on Friday, 2 on Monday.
        Assert.Equal(Local(2026, 11, 30, 11), ticket.ResolutionDueAt);
    }

    [Fact]
    public void StopsWhenResolvedAndRunsAgainWhenReopened()
    {
        var ticket = Open();
        At(Local(2026, 11, 30, 12));
        ticket.ChangeStatus(TicketStatus.Resolved, Actor.Staff(Agent), Now);
        Update(ticket, Medium);
        Assert.Equal(Ticket.NoSlaDue, ticket.SlaNextDueAt);
        Assert.Equal(Now, ticket.ResolutionStoppedAt);
        var dueWhenResolved = ticket.ResolutionDueAt;

        At(Local(2026, 12, 1, 9));
        ticket.Reply("Sorun geri geldi.", Customer, Now);
        Update(ticket, Medium);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.NotNull(ticket.SlaClockStartedAt);
        // 5 h used (Friday 2, Monday 3), 13 h left from Tuesday 09:00: 9 on Tuesday, 4 on Thursday (Wednesday is a holiday).
        Assert.Equal(Local(2026, 12, 3, 13), ticket.ResolutionDueAt);
        Assert.NotEqual(dueWhenResolved, ticket.ResolutionDueAt);
    }

    [Fact]
    public void HasNoDueTimesWithoutAPolicy()
    {
        var ticket = Open();
        Update(ticket, null);
        Assert.Null(ticket.FirstResponseDueAt);
        Assert.Null(ticket.ResolutionDueAt);
        Assert.Equal(Ticket.NoSlaDue, ticket.SlaNextDueAt);
    }
}

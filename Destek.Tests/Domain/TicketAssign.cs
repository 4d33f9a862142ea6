using Destek.Core.Tickets;
using static Destek.Tests.Domain.TicketTestData;

namespace Destek.Tests.Domain;

public sealed class TicketAssign
{
    [Fact]
    public void AssignsAgentOfTheDepartmentAndRecordsHistory()
    {
        var ticket = NewTicket();
        ticket.ForgetEvents();
        ticket.Assign(Agent, Actor.Staff(Admin), Now);

        Assert.Equal(Agent.UserId, ticket.AssigneeId);
        var entry = Assert.Single(ticket.History);
        Assert.Equal(HistoryField.Assignee, entry.Field);
        Assert.Null(entry.OldValue);
        Assert.Equal("Mehmet Demir", entry.NewValue);
        Assert.Equal("Yönetici", entry.ActorName);
        var raised = Assert.Single(ticket.PendingEvents);
        Assert.Equal(TicketEvent.Assigned, raised.Type);
        Assert.Equal(Agent.UserId, raised.Changes["assignee_id"]);
    }

    [Fact]
    public void RefusesAgentOutsideDepartment()
    {
        var ticket = NewTicket(departmentId: 1);
        var ex = Assert.Throws<TicketRuleException>(() => ticket.Assign(OtherDepartmentAgent, Actor.Staff(Admin), Now));
        Assert.Contains("departmanında çalışmıyor", ex.Message, StringComparison.Ordinal);
        Assert.Null(ticket.AssigneeId);
        Assert.Empty(ticket.History);
    }

    [Fact]
    public void AdminsCanTakeTicketsOfAnyDepartment()
    {
        var ticket = NewTicket(departmentId: 7);
        ticket.Assign(Admin, Actor.Staff(Admin), Now);
        Assert.Equal(Admin.UserId, ticket.AssigneeId);
    }

    [Fact]
    public void AssigningTheSameAgentAgainChangesNothing()
    {
        var ticket = NewTicket();
        ticket.Assign(Agent, Actor.Staff(Agent), Now);
        ticket.ForgetEvents();
        ticket.Assign(Agent, Actor.Staff(Agent), Now);
        Assert.Single(ticket.History);
        Assert.Empty(ticket.PendingEvents);
    }

    [Fact]
    public void MovingToAnotherDepartmentUnassignsAnAgentWhoDoesNotWorkThere()
    {
        var ticket = NewTicket(departmentId: 1);
        ticket.Assign(Agent, Actor.Staff(Agent), Now);
        ticket.MoveToDepartment(Department(2, "Muhasebe"), Agent, Actor.Staff(Admin), Now);

        Assert.Equal(2, ticket.DepartmentId);
        Assert.Null(ticket.AssigneeId);
        Assert.Equal([HistoryField.Assignee, HistoryField.Department, HistoryField.Assignee], ticket.History.Select(h => h.Field));
    }
}

using Destek.Core.Tickets;
using Destek.Tests.Sla;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Assignment;

/// <summary>Automatic assignment inside the creating transaction (AssignmentHandler), on SQLite and PostgreSQL.</summary>
[Trait("Category", "Integration")]
public sealed class AutoAssignment(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private Task<List<Ticket>> TicketsOfAsync(int department) =>
        app.WithDbAsync(db => db.Tickets.Include(t => t.History).Where(t => t.DepartmentId == department).OrderBy(t => t.Id).ToListAsync());

    private async Task AvailableAsync(params int[] userIds)
    {
        foreach (var id in userIds)
        {
            await app.Get<AssignmentAdmin>().SetAvailableAsync(id, true);
        }
    }

    [Fact]
    public async Task TakesTurnsUnderManyConcurrentCreates()
    {
        var (department, agents) = await app.DepartmentWithAgentsAsync(3);
        await AvailableAsync([.. agents.Select(a => a.Id)]);
        await app.Get<AssignmentAdmin>().ConfigureAsync(department, true, AssignmentStrategy.RoundRobin, null);

        await Task.WhenAll(Enumerable.Range(0, 90).Select(i => Task.Run(() => app.CreateTicketAsync(department, title: $"Eşzamanlı talep {i}"))));

        var tickets = await TicketsOfAsync(department);
        var inTurn = agents.Select(a => a.Id).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 90).Select(i => (int?)inTurn[i % 3]), tickets.Select(t => t.AssigneeId));
        Assert.All(tickets, t => Assert.Contains(t.History, h => h.Field == HistoryField.Assignee && h.ActorName == "Otomatik atama (sıralı)" && h.ActorUserId == null));

        // The pointer carries over to the next create.
        var next = await app.CreateTicketAsync(department);
        Assert.Equal(inTurn[0], (await TicketsOfAsync(department)).Single(t => t.Id == next.Id).AssigneeId);
    }

    [Fact]
    public async Task SkipsUnavailableAgentsAndAgentsAtTheCap()
    {
        var (department, agents) = await app.DepartmentWithAgentsAsync(3);
        var (away, busy, free) = (agents[0], agents[1], agents[2]);
        await AvailableAsync(busy.Id, free.Id);
        // Before the rule: two open tickets for the busy agent, who is then at the cap of two.
        for (var i = 0; i < 2; i++)
        {
            var earlier = await app.CreateTicketAsync(department);
            await app.Get<TicketService>().AssignAsync(earlier.Id, busy.Id, Actor.System);
        }

        await app.Get<AssignmentAdmin>().ConfigureAsync(department, true, AssignmentStrategy.RoundRobin, 2);
        var created = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await app.CreateTicketAsync(department)).Id);
        }

        var assignees = (await TicketsOfAsync(department)).Where(t => created.Contains(t.Id)).Select(t => t.AssigneeId).ToList();
        // The free agent takes tickets until the cap stops them too; then the ticket waits unassigned.
        Assert.Equal([free.Id, free.Id, null], assignees);
        Assert.DoesNotContain(away.Id, assignees.OfType<int>());
    }

    [Fact]
    public async Task LeavesDepartmentsWithoutTheRuleAlone()
    {
        var (department, agents) = await app.DepartmentWithAgentsAsync(2);
        await AvailableAsync([.. agents.Select(a => a.Id)]);
        await app.Get<AssignmentAdmin>().ConfigureAsync(department, false, AssignmentStrategy.RoundRobin, null);
        var ticket = await app.CreateTicketAsync(department);
        Assert.Null((await TicketsOfAsync(department)).Single(t => t.Id == ticket.Id).AssigneeId);
    }
}

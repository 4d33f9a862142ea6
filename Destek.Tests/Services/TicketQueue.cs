using Destek.Core.Services;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Services;

[Trait("Category", "Integration")]
public sealed class TicketQueue(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private TicketQueries Queries => factory.Services.GetRequiredService<TicketQueries>();

    private async Task<StaffMember> StaffAsync(string email)
    {
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(id))!;
    }

    [Fact]
    public async Task AgentSeesOnlyTheirDepartmentsTickets()
    {
        var agent = await StaffAsync(DemoSeeder.AgentEmail);
        var page = await Queries.QueueAsync(agent, new QueueFilter { View = QueueView.All }, 0, 200);
        Assert.NotEmpty(page.Items);
        var allowed = await factory.WithDbAsync(db => db.Departments.Where(d => agent.DepartmentIds.Contains(d.Id)).Select(d => d.Name).ToListAsync());
        Assert.All(page.Items, row => Assert.Contains(row.DepartmentName, allowed));
        var everything = await factory.WithDbAsync(db => db.Tickets.CountAsync());
        Assert.True(page.Total < everything, "an agent outside some departments must not see every ticket");
    }

    [Fact]
    public async Task FindsTicketByExactNumber()
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var number = await factory.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Number).FirstAsync());
        var page = await Queries.QueueAsync(admin, new QueueFilter { View = QueueView.All, Search = number }, 0, 25);
        Assert.Equal(number, Assert.Single(page.Items).Number);
    }
}

using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Search;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Services;

[Trait("Category", "Integration")]
public sealed class TicketQueue(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private TicketQueries Queries => factory.Services.GetRequiredService<TicketQueries>();

    private async Task<Page<TicketRow>> SearchAsync(StaffMember viewer, string text) =>
        (await factory.Services.GetRequiredService<TicketSearch>().QueueAsync(viewer, new QueueFilter { View = QueueView.All, Search = text }, 0, 25))!.Page;

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
    public async Task RefusesTextSearchOutsideTheIndex()
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        await Assert.ThrowsAsync<ArgumentException>(() => Queries.QueueAsync(admin, new QueueFilter { View = QueueView.All, Search = "yazıcı" }, 0, 25));
    }

    [Fact]
    public async Task FindsTicketByExactNumber()
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var number = await factory.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Number).FirstAsync());
        var page = await SearchAsync(admin, number);
        Assert.Equal(number, page.Items[0].Number);
    }

    [Theory]
    [InlineData(QueueSort.Number, QueueSort.NumberDescending)]
    [InlineData(QueueSort.PriorityHighFirst, QueueSort.PriorityLowFirst)]
    [InlineData(QueueSort.RecentlyUpdated, QueueSort.LeastRecentlyUpdated)]
    [InlineData(QueueSort.Newest, QueueSort.Oldest)]
    public async Task SortsEachColumnBothWays(QueueSort one, QueueSort other)
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var first = await Queries.QueueAsync(admin, new QueueFilter { View = QueueView.All, Sort = one }, 0, 200);
        var second = await Queries.QueueAsync(admin, new QueueFilter { View = QueueView.All, Sort = other }, 0, 200);
        Assert.True(first.Items.Count > 10);
        Assert.Equal(first.Items.Select(r => r.Id).Reverse(), second.Items.Select(r => r.Id));
        var keys = first.Items.Select(r => one switch
        {
            QueueSort.Number => r.Number,
            QueueSort.PriorityHighFirst => (9 - (int)r.Priority).ToString(System.Globalization.CultureInfo.InvariantCulture),
            QueueSort.RecentlyUpdated => (DateTime.MaxValue - (r.UpdatedAt ?? r.CreatedAt)).Ticks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
            _ => (DateTime.MaxValue - r.CreatedAt).Ticks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("0{1}")]
    [InlineData("+90{1}")]
    public async Task FindsTicketByPhoneHoweverTyped(string shape)
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var (id, phone) = await factory.WithDbAsync(async db => await db.Tickets.Where(t => t.RequesterPhone != null)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.RequesterPhone }).FirstAsync() is var t ? (t.Id, t.RequesterPhone!) : default);
        var national = phone.Replace("+90", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var typed = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, phone, national);
        var page = await SearchAsync(admin, typed);
        Assert.Contains(page.Items, r => r.Id == id);
    }

    [Fact]
    public async Task FindsTicketByEmail()
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var (id, email) = await factory.WithDbAsync(async db => await db.Tickets.Where(t => t.CustomerId == null)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.RequesterEmail }).FirstAsync() is var t ? (t.Id, t.RequesterEmail!) : default);
        var page = await SearchAsync(admin, email.ToUpperInvariant());
        Assert.Equal(id, page.Items[0].Id);
    }

    [Fact]
    public async Task FiltersByCreatedDate()
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var all = await Queries.QueueAsync(admin, new QueueFilter { View = QueueView.All, Sort = QueueSort.Oldest }, 0, 200);
        var from = all.Items[10].CreatedAt;
        var before = all.Items[20].CreatedAt;
        var page = await Queries.QueueAsync(admin, new QueueFilter { View = QueueView.All, Sort = QueueSort.Oldest, CreatedFrom = from, CreatedBefore = before }, 0, 200);
        Assert.Equal(all.Items.Skip(10).Take(10).Select(r => r.Id), page.Items.Select(r => r.Id));
        Assert.Equal(10, page.Total);
    }
}

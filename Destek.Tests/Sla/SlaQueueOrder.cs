using Bunit;
using Destek.App.Desk;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Components;
using Microsoft.Extensions.Options;

namespace Destek.Tests.Sla;

/// <summary>The queue's SLA sort (both ways), its "SLA ihlali yakın" view and the SLA column's words, on the real database.</summary>
[Trait("Category", "Integration")]
public sealed class SlaQueueOrder(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private StaffMember Admin => new(1, "Yönetici", DemoSeeder.AdminEmail, true, []);

    private async Task<(int Department, Ticket Urgent, Ticket Medium, Ticket Low, Ticket Resolved)> TicketsAsync()
    {
        var (department, _) = await app.DepartmentWithAgentsAsync(0);
        var low = await app.CreateTicketAsync(department, TicketPriority.Low, "Düşük öncelikli");
        var urgent = await app.CreateTicketAsync(department, TicketPriority.Urgent, "Acil talep");
        var medium = await app.CreateTicketAsync(department, TicketPriority.Medium, "Orta öncelikli");
        var resolved = await app.CreateTicketAsync(department, TicketPriority.Urgent, "Çözülmüş talep");
        await app.Get<TicketService>().ChangeStatusAsync(resolved.Id, TicketStatus.Resolved, Actor.System);
        return (department, urgent, medium, low, resolved);
    }

    private async Task<List<int>> IdsAsync(QueueFilter filter) =>
        (await app.Get<TicketQueries>().QueueAsync(Admin, filter, 0, 25)).Items.Select(r => r.Id).ToList();

    [Fact]
    public async Task SortsBySoonestDueAndTheExactReverse()
    {
        var (department, urgent, medium, low, resolved) = await TicketsAsync();
        var soonest = await IdsAsync(new QueueFilter { View = QueueView.All, DepartmentId = department, Sort = QueueSort.SlaDueSoonest });
        Assert.Equal([urgent.Id, medium.Id, low.Id, resolved.Id], soonest);
        var latest = await IdsAsync(new QueueFilter { View = QueueView.All, DepartmentId = department, Sort = QueueSort.SlaDueLatest });
        Assert.Equal([resolved.Id, low.Id, medium.Id, urgent.Id], latest);
    }

    [Fact]
    public async Task OpenViewsSortBySlaOverTheOpenOnlyIndexBothWays()
    {
        var (department, urgent, medium, low, _) = await TicketsAsync();
        foreach (var view in new[] { QueueView.AllOpen, QueueView.Unassigned })
        {
            var soonest = await IdsAsync(new QueueFilter { View = view, DepartmentId = department, Sort = QueueSort.SlaDueSoonest });
            Assert.Equal([urgent.Id, medium.Id, low.Id], soonest);
            var latest = await IdsAsync(new QueueFilter { View = view, DepartmentId = department, Sort = QueueSort.SlaDueLatest });
            Assert.Equal([low.Id, medium.Id, urgent.Id], latest);
        }
    }

    [Fact]
    public async Task NearBreachViewShowsOnlyOpenTicketsDueWithinTheWindow()
    {
        var (department, urgent, _, _, _) = await TicketsAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // Urgent answers within an hour; medium in four, low in nine: only the urgent one is due within two hours.
        var near = await IdsAsync(new QueueFilter { View = QueueView.SlaNearBreach, DepartmentId = department, SlaDueBefore = now.AddHours(2) });
        Assert.Equal([urgent.Id], near);
        Assert.Empty(await IdsAsync(new QueueFilter { View = QueueView.SlaNearBreach, DepartmentId = department, SlaDueBefore = now.AddMinutes(30) }));
    }

    [Fact]
    public async Task QueueShowsTimeLeftAndOverdueInWords()
    {
        var (department, urgent, medium, _, _) = await TicketsAsync();
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var cut = ctx.RenderAt<Queue>($"masa?gorunum=sla-yakin&departman={department}");
        cut.WaitForAssertion(() => Assert.Equal([urgent.Number], cut.FindAll("td.q-number a").Select(a => a.TextContent.Trim())), TimeSpan.FromSeconds(15));
        Assert.Equal("1 sa 0 dk kaldı", cut.Find("td.q-sla").TextContent.Trim());
        var view = cut.FindAll("button").Single(b => b.TextContent.Trim() == "SLA ihlali yakın");
        Assert.Equal("true", view.GetAttribute("aria-pressed"));
        Assert.Equal(TimeSpan.FromHours(2), app.Get<IOptions<SlaOptions>>().Value.NearBreachWindow);

        // Two and a quarter hours later the urgent ticket is overdue, said in words and marked, and the medium one is near.
        app.Clock.Advance(TimeSpan.FromMinutes(135));
        await using var later = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var again = later.RenderAt<Queue>($"masa?gorunum=sla-yakin&departman={department}&sirala=sla");
        again.WaitForAssertion(() => Assert.Equal([urgent.Number, medium.Number], again.FindAll("td.q-number a").Select(a => a.TextContent.Trim())), TimeSpan.FromSeconds(15));
        var overdue = again.FindAll("td.q-sla")[0];
        Assert.Equal("1 sa 15 dk gecikti", overdue.TextContent.Trim());
        Assert.NotNull(overdue.QuerySelector(".sla-overdue"));
        Assert.Equal("1 sa 45 dk kaldı", again.FindAll("td.q-sla")[1].TextContent.Trim());
    }
}

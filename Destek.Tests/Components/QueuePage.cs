using Bunit;
using Destek.App.Desk;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Components;

/// <summary>The desk's queue (/masa) rendered by bUnit over the real Core services and SQLite database.</summary>
public sealed class QueuePage(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private TicketQueries Queries => app.Services.GetRequiredService<TicketQueries>();

    private static List<string> Numbers(IRenderedComponent<Queue> cut) =>
        cut.FindAll("td.q-number a").Select(a => a.TextContent.Trim()).ToList();

    private async Task<List<string>> ExpectedAsync(StaffMember viewer, QueueFilter filter, int skip = 0, int take = 25) =>
        (await Queries.QueueAsync(viewer, filter, skip, take)).Items.Select(r => r.Number).ToList();

    private static void ClickHeader(IRenderedComponent<Queue> cut, string title)
    {
        var sorter = cut.FindAll("th button").SingleOrDefault(b => b.TextContent.Trim() == title)
            ?? throw new Xunit.Sdk.XunitException($"«{title}» has no sort button");
        sorter.Click();
    }

    [Fact]
    public async Task ShowsOneServerPageAndOpensAnotherFromTheAddress()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var all = new QueueFilter { View = QueueView.All };
        var cut = ctx.RenderAt<Queue>("masa?gorunum=tumu");
        var firstPage = await ExpectedAsync(ctx.Staff, all);
        cut.WaitForAssertion(() => Assert.Equal(firstPage, Numbers(cut)));
        Assert.Equal(25, firstPage.Count);
        var total = (await Queries.QueueAsync(ctx.Staff, all, 0, 1)).Total;
        Assert.Contains($"1–25 / {total} talep", cut.Markup, StringComparison.Ordinal);

        var next = Find.Button(cut, "Sonraki sayfa");
        next.Click();
        var secondPage = await ExpectedAsync(ctx.Staff, all, skip: 25);
        cut.WaitForAssertion(() => Assert.Equal(secondPage, Numbers(cut)));
        Assert.Contains("sayfa=2", ctx.Address, StringComparison.Ordinal);

        // The same address in a fresh page (a reload, a shared link) shows the same rows.
        await using var reloaded = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var again = reloaded.RenderAt<Queue>(ctx.Address);
        again.WaitForAssertion(() => Assert.Equal(secondPage, Numbers(again)));
    }

    [Fact]
    public async Task AppliesAndShowsFiltersFromTheAddress()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var cut = ctx.RenderAt<Queue>("masa?gorunum=tumu&durum=resolved");
        var expected = await ExpectedAsync(ctx.Staff, new QueueFilter { View = QueueView.All, Status = TicketStatus.Resolved });
        Assert.NotEmpty(expected);
        cut.WaitForAssertion(() => Assert.Equal(expected, Numbers(cut)));
        Assert.All(cut.FindAll("td.q-title .badge[class*=status-]"), b => Assert.Equal("Çözüldü", b.TextContent));
        Assert.Equal("Çözüldü", Find.Chosen(cut, "Durum"));
        Assert.Equal("true", Find.Button(cut, "Tümü").GetAttribute("aria-pressed"));
        Assert.Equal("false", Find.Button(cut, "Tüm açık").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task ChoosingAStatusFiltersAndWritesTheAddress()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var cut = ctx.RenderAt<Queue>("masa?gorunum=tumu");
        cut.WaitForState(() => Numbers(cut).Count == 25);
        await Find.SelectAsync(cut, "Durum", "Kapatıldı");
        var expected = await ExpectedAsync(ctx.Staff, new QueueFilter { View = QueueView.All, Status = TicketStatus.Closed });
        cut.WaitForAssertion(() => Assert.Equal(expected, Numbers(cut)));
        Assert.Equal("masa?gorunum=tumu&durum=closed", ctx.Address);
    }

    [Fact]
    public async Task SearchesByEmailAndPhoneAndKeepsTheTermInTheAddress()
    {
        var (email, phone, number) = await app.WithDbAsync(async db => await db.Tickets.Where(t => t.RequesterPhone != null && t.CustomerId == null)
            .OrderBy(t => t.Id).Select(t => new { t.RequesterEmail, t.RequesterPhone, t.Number }).FirstAsync() is var t
            ? (t.RequesterEmail!, t.RequesterPhone!, t.Number) : default);
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var cut = ctx.RenderAt<Queue>("masa?gorunum=tumu");
        cut.WaitForState(() => Numbers(cut).Count > 0);

        await cut.InvokeAsync(() => Find.ByLabel(cut, "Ara").Input(email));
        await cut.InvokeAsync(() => cut.Find("form.queue-filters").Submit());
        cut.WaitForAssertion(() => Assert.Equal([number], Numbers(cut)));
        Assert.Equal($"masa?gorunum=tumu&ara={email}", ctx.Address);

        // Typed the Turkish way, with a leading 0 and no spaces.
        var typed = "0" + phone.Replace("+90", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        await cut.InvokeAsync(() => Find.ByLabel(cut, "Ara").Input(typed));
        await cut.InvokeAsync(() => cut.Find("form.queue-filters").Submit());
        cut.WaitForAssertion(() => Assert.Contains(number, Numbers(cut)));
        Assert.Equal($"masa?gorunum=tumu&ara={typed}", ctx.Address);
    }

    [Fact]
    public async Task FiltersByCreatedDateRange()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var oldest = (await Queries.QueueAsync(ctx.Staff, new QueueFilter { View = QueueView.All, Sort = QueueSort.Oldest }, 0, 1)).Items[0].CreatedAt;
        var from = DateOnly.FromDateTime(oldest.AddHours(3)).AddDays(3);
        var to = from.AddDays(4);
        var cut = ctx.RenderAt<Queue>("masa?gorunum=tumu");
        cut.WaitForState(() => Numbers(cut).Count > 0);

        await cut.InvokeAsync(() => Find.ByLabel(cut, "Oluşturma: başlangıç").Change(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.Contains("baslangic=", ctx.Address, StringComparison.Ordinal));
        await cut.InvokeAsync(() => Find.ByLabel(cut, "Oluşturma: bitiş").Change(to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        var filter = new QueueUrl { View = QueueView.All, CreatedFrom = from, CreatedTo = to }.ToFilter();
        var expected = await ExpectedAsync(ctx.Staff, filter);
        Assert.InRange(expected.Count, 1, 24);
        cut.WaitForAssertion(() => Assert.Equal(expected, Numbers(cut)));
        Assert.Equal($"masa?gorunum=tumu&baslangic={from:yyyy-MM-dd}&bitis={to:yyyy-MM-dd}", ctx.Address);
        var created = await app.WithDbAsync(db => db.Tickets.Where(t => expected.Contains(t.Number)).Select(t => t.CreatedAt).ToListAsync());
        Assert.All(created, c => Assert.InRange(c, filter.CreatedFrom!.Value, filter.CreatedBefore!.Value));
    }

    [Theory]
    [InlineData("Numara", QueueSort.Number, QueueSort.NumberDescending, "numara")]
    [InlineData("Öncelik", QueueSort.PriorityLowFirst, QueueSort.PriorityHighFirst, "oncelik")]
    [InlineData("Güncelleme", QueueSort.LeastRecentlyUpdated, QueueSort.RecentlyUpdated, "guncelleme")]
    [InlineData("SLA", QueueSort.SlaDueSoonest, QueueSort.SlaDueLatest, "sla")]
    public async Task SortsAColumnBothWays(string column, QueueSort first, QueueSort second, string name)
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var cut = ctx.RenderAt<Queue>("masa?gorunum=tumu");
        cut.WaitForState(() => Numbers(cut).Count == 25);

        ClickHeader(cut, column);
        var ascending = await ExpectedAsync(ctx.Staff, new QueueFilter { View = QueueView.All, Sort = first });
        cut.WaitForAssertion(() => Assert.Equal(ascending, Numbers(cut)));
        Assert.Equal($"masa?gorunum=tumu&sirala={name}", ctx.Address);

        ClickHeader(cut, column);
        var descending = await ExpectedAsync(ctx.Staff, new QueueFilter { View = QueueView.All, Sort = second });
        cut.WaitForAssertion(() => Assert.Equal(descending, Numbers(cut)));
        Assert.NotEqual(ascending, descending);
        Assert.Equal($"masa?gorunum=tumu&sirala=-{name}", ctx.Address);
    }

    [Fact]
    public async Task SortsByCreationFromTheTimesColumnAndBackToTheDefault()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var cut = ctx.RenderAt<Queue>("masa?gorunum=tumu");
        cut.WaitForState(() => Numbers(cut).Count == 25);

        // The queue opens newest first, so the first press on "Oluşturma" turns it round.
        ClickHeader(cut, "Oluşturma");
        var oldest = await ExpectedAsync(ctx.Staff, new QueueFilter { View = QueueView.All, Sort = QueueSort.Oldest });
        cut.WaitForAssertion(() => Assert.Equal(oldest, Numbers(cut)));
        Assert.Equal("masa?gorunum=tumu&sirala=olusturma", ctx.Address);

        ClickHeader(cut, "Oluşturma");
        var newest = await ExpectedAsync(ctx.Staff, new QueueFilter { View = QueueView.All, Sort = QueueSort.Newest });
        cut.WaitForAssertion(() => Assert.Equal(newest, Numbers(cut)));
        Assert.NotEqual(oldest, newest);
        Assert.Equal("masa?gorunum=tumu", ctx.Address);
    }

    [Fact]
    public async Task EveryRowLinksNumberAndTitleToTheTicket()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AgentEmail);
        var cut = ctx.RenderAt<Queue>("masa");
        var rows = (await Queries.QueueAsync(ctx.Staff, new QueueFilter(), 0, 25)).Items;
        cut.WaitForAssertion(() => Assert.Equal(rows.Select(r => r.Number), Numbers(cut)));
        Assert.Equal(rows.Select(r => $"masa/talepler/{r.Id}"), cut.FindAll("td.q-number a").Select(a => a.GetAttribute("href")));
        Assert.Equal(rows.Select(r => $"masa/talepler/{r.Id}"), cut.FindAll("td.q-title a").Select(a => a.GetAttribute("href")));
        Assert.Equal(rows.Select(r => r.Title), cut.FindAll("td.q-title a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task QuickActionsChangeTheStatusAndSaySo()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AgentEmail);
        var open = (await Queries.QueueAsync(ctx.Staff, new QueueFilter { Status = TicketStatus.Open }, 0, 2)).Items;
        Assert.Equal(2, open.Count);
        var cut = ctx.RenderAt<Queue>("masa?durum=open");
        cut.WaitForState(() => Numbers(cut).Contains(open[0].Number));

        await cut.InvokeAsync(() => Find.Button(cut, $"İşleme al: {open[0].Number}").Click());
        cut.WaitForAssertion(() => Assert.Contains($"{open[0].Number} işleme alındı.", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.DoesNotContain(open[0].Number, Numbers(cut)));
        Assert.Equal(TicketStatus.InProgress, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == open[0].Id).Select(t => t.Status).SingleAsync()));

        await cut.InvokeAsync(() => Find.Button(cut, $"Kapat: {open[1].Number}").Click());
        cut.WaitForAssertion(() => Assert.Contains($"{open[1].Number} kapatıldı.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Closed, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == open[1].Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task BulkAssignWaitsForAPersonAndSaysWhoGotThem()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var agentId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AgentEmail).Select(u => u.Id).SingleAsync());
        var agent = (await app.Services.GetRequiredService<StaffDirectory>().FindAsync(agentId))!;
        var cut = ctx.RenderAt<Queue>("masa?gorunum=atanmamis");
        cut.WaitForState(() => Numbers(cut).Count > 0);
        // Tickets in the agent's departments, so the assignment is allowed.
        var candidates = await app.WithDbAsync(db => db.Tickets
            .Where(t => t.AssigneeId == null && (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress) && agent.DepartmentIds.Contains(t.DepartmentId))
            .Select(t => t.Number).ToListAsync());
        var chosen = Numbers(cut).Where(candidates.Contains).Take(2).ToList();
        Assert.Equal(2, chosen.Count);

        Assert.True(Find.Button(cut, "Ata").HasAttribute("disabled"));
        foreach (var number in chosen)
        {
            await cut.InvokeAsync(() => Find.ByLabel(cut, $"Seç: {number}").Change(true));
        }

        Assert.Contains("2 talep seçili", cut.Markup, StringComparison.Ordinal);
        Assert.True(Find.Button(cut, "Ata").HasAttribute("disabled"), "no person chosen yet: Ata must wait");
        Assert.Equal("Kişi seçin", Find.Chosen(cut, "Seçilenleri ata"));

        await Find.SelectAsync(cut, "Seçilenleri ata", "Mehmet Demir");
        cut.WaitForAssertion(() => Assert.False(Find.Button(cut, "Ata").HasAttribute("disabled")));
        await cut.InvokeAsync(() => Find.Button(cut, "Ata").Click());

        cut.WaitForAssertion(() => Assert.Contains("2 talep Mehmet Demir'e atandı.", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        var assignees = await app.WithDbAsync(db => db.Tickets.Where(t => chosen.Contains(t.Number)).Select(t => t.AssigneeId).ToListAsync());
        Assert.All(assignees, a => Assert.Equal(agentId, a));
        cut.WaitForAssertion(() => Assert.Empty(Numbers(cut).Intersect(chosen)));
    }
}

public sealed class TurkishDative
{
    [Theory]
    [InlineData("Mehmet Demir", "Mehmet Demir'e")]
    [InlineData("Ayşe Kaya", "Ayşe Kaya'ya")]
    [InlineData("Zeynep Aydın", "Zeynep Aydın'a")]
    [InlineData("Emre Öztürk", "Emre Öztürk'e")]
    [InlineData("Ali Veli", "Ali Veli'ye")]
    public void FollowsVowelHarmony(string name, string expected) => Assert.Equal(expected, TurkishGrammar.Dative(name));
}

public sealed class QueueAddress
{
    [Fact]
    public void RoundTripsEveryPartOfTheView()
    {
        var view = new QueueUrl
        {
            View = QueueView.Mine, Search = "yazıcı", Status = TicketStatus.InProgress, Priority = TicketPriority.Urgent,
            CategoryId = 3, DepartmentId = 2, AssigneeId = 7, CreatedFrom = new DateOnly(2026, 11, 1), CreatedTo = new DateOnly(2026, 11, 20),
            Sort = QueueSort.PriorityLowFirst, Page = 2, PageSize = 50,
        };
        var query = view.ToQuery().Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => (string?)Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3", query["sayfa"]);
        Assert.Equal("oncelik", query["sirala"]);
        Assert.Equal(view, QueueUrl.Parse(query));
    }

    [Fact]
    public void DefaultsStayOutOfTheAddressAndNonsenseFallsBack()
    {
        Assert.All(new QueueUrl().ToQuery().Values, Assert.Null);
        var parsed = QueueUrl.Parse(new Dictionary<string, string?>
        {
            ["gorunum"] = "hepsi", ["durum"] = "acik", ["sayfa"] = "-4", ["adet"] = "1000", ["baslangic"] = "31.12.2026", ["sirala"] = "başlık",
        });
        Assert.Equal(new QueueUrl(), parsed);
    }

    [Fact]
    public void DateRangeCoversWholeIstanbulDays()
    {
        var filter = new QueueUrl { CreatedFrom = new DateOnly(2026, 11, 1), CreatedTo = new DateOnly(2026, 11, 1) }.ToFilter();
        Assert.Equal(new DateTime(2026, 10, 31, 21, 0, 0, DateTimeKind.Utc), filter.CreatedFrom);
        Assert.Equal(new DateTime(2026, 11, 1, 21, 0, 0, DateTimeKind.Utc), filter.CreatedBefore);
    }
}

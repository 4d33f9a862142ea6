using Bunit;
using Destek.App.Portal;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;

namespace Destek.Tests.Portal;

/// <summary>"Taleplerim" (/portal): the customer's own tickets with the customer-facing status, filtered by the address.</summary>
public sealed class PortalTicketList(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private static List<string> Titles(IRenderedComponent<MyTickets> cut) => cut.FindAll(".portal-ticket-title").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task ShowsOnlyTheCustomersOwnTicketsWithTheirStatusAsText()
    {
        await using var other = await PortalContext.CustomerAsync(app);
        await other.NewTicketAsync("Başkasının talebi");
        await using var ctx = await PortalContext.CustomerAsync(app);
        var mine = await ctx.NewTicketAsync("Benim talebim");

        var cut = ctx.RenderAt<MyTickets>("portal");

        cut.WaitForAssertion(() => Assert.Equal(["Benim talebim"], Titles(cut)));
        var row = cut.Find(".portal-ticket");
        Assert.Contains("Açık", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(mine.Number, row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"portal/talepler/{mine.Id:D}", cut.Find(".portal-ticket-title").GetAttribute("href"));
    }

    [Fact]
    public async Task FiltersByStatusCategoryPriorityAndSearchFromTheAddress()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var answered = await ctx.NewTicketAsync("Fatura adresi yanlış", "odeme_sorunu", TicketPriority.High);
        await ctx.NewTicketAsync("Şifremi unuttum", "teknik_sorun", TicketPriority.Low);
        await ctx.NewTicketAsync("PDF yüklenmiyor", "teknik_sorun", TicketPriority.High);
        await ctx.Tickets.ReplyAsync(await ctx.TicketIdAsync(answered.Id), "Adresinizi düzelttik.", await ctx.AdminAsync());

        var byStatus = ctx.RenderAt<MyTickets>("portal?durum=cevaplandi");
        byStatus.WaitForAssertion(() => Assert.Equal(["Fatura adresi yanlış"], Titles(byStatus)));
        Assert.Contains("Cevaplandı", byStatus.Find(".portal-ticket").TextContent, StringComparison.Ordinal);
        Assert.Equal("cevaplandi", byStatus.Find("#filter-status option[selected]").GetAttribute("value"));

        var byCategoryAndPriority = ctx.RenderAt<MyTickets>("portal?kategori=teknik_sorun&oncelik=yuksek");
        byCategoryAndPriority.WaitForAssertion(() => Assert.Equal(["PDF yüklenmiyor"], Titles(byCategoryAndPriority)));

        var bySearch = ctx.RenderAt<MyTickets>("portal?ara=unuttum");
        bySearch.WaitForAssertion(() => Assert.Equal(["Şifremi unuttum"], Titles(bySearch)));
    }

    [Fact]
    public async Task PagesByTenWithLinksThatKeepTheFilters()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        for (var i = 1; i <= 12; i++)
        {
            await ctx.NewTicketAsync($"Talep {i:00}");
        }

        var first = ctx.RenderAt<MyTickets>("portal?ara=Talep");
        first.WaitForAssertion(() => Assert.Equal(MyTickets.PageSize, Titles(first).Count));
        Assert.Equal("Talep 12", Titles(first)[0]);
        var next = first.FindAll("a").Single(a => a.TextContent.Trim() == "Sonraki sayfa").GetAttribute("href")!;
        Assert.Contains("ara=Talep", next, StringComparison.Ordinal);
        Assert.Contains("sayfa=2", next, StringComparison.Ordinal);

        var second = ctx.RenderAt<MyTickets>("portal?ara=Talep&sayfa=2");
        second.WaitForAssertion(() => Assert.Equal(["Talep 02", "Talep 01"], Titles(second)));
    }

    [Fact]
    public async Task StaffAreSentToTheDesk()
    {
        await using var ctx = await PortalContext.StaffAsync(app, "admin@destek.local");

        ctx.RenderAt<MyTickets>("portal");

        Assert.Equal("masa", ctx.Address);
    }
}

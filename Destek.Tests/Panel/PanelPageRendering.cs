using Bunit;
using Destek.App.Desk.Panel;
using Destek.Core.Data;
using Destek.Core.Panel;
using Destek.Tests.Components;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Panel;

/// <summary>/panel rendered by bUnit over the real services: every figure with its label, tables beside the charts.</summary>
public sealed class PanelPageRendering(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task ShowsEveryFigureAndATableForEachChart()
    {
        await using var ctx = await DestekComponentContext.CreateAsync(app, DemoSeeder.AdminEmail);
        var expected = await app.Services.GetRequiredService<PanelQueries>().ReportAsync(new PanelScope(ctx.Staff),
            PanelPeriod.LastSevenDays(app.Services.GetRequiredService<TimeProvider>().GetUtcNow()));

        var cut = ctx.RenderAt<PanelPage>("panel");

        cut.WaitForAssertion(() => Assert.Equal(expected.Figures.Count, cut.FindAll(".panel-figure").Count));
        var open = cut.Find(".panel-figure[data-key=open]");
        Assert.Equal("Açık", open.QuerySelector("dt")!.TextContent);
        Assert.Equal(PanelFormat.Value(expected.Figures.Single(f => f.Key == "open")), open.QuerySelector(".panel-value")!.TextContent);
        Assert.Equal("—", cut.Find(".panel-figure[data-key=csat_average] .panel-value").TextContent);
        var captions = cut.FindAll("table caption").Select(c => c.TextContent).ToList();
        Assert.Contains("Günlük oluşturulan ve çözülen talepler", captions);
        Assert.Contains("Departmanlara göre açık ve atanmamış talepler", captions);
        Assert.Equal(7, cut.FindAll("table.panel-table").First().QuerySelectorAll("tbody tr").Length);
        Assert.All(cut.FindAll(".panel-chart[role=img]"), chart => Assert.False(string.IsNullOrEmpty(chart.GetAttribute("aria-label"))));
        Assert.Contains("/panel/disa-aktar?baslangic=", cut.Find("a[download]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void FormatsDurationsInTurkish()
    {
        Assert.Equal("45 dk", PanelFormat.Duration(45 * 60));
        Assert.Equal("3 sa 20 dk", PanelFormat.Duration((3 * 3600) + (20 * 60)));
        Assert.Equal("2 gün 4 sa", PanelFormat.Duration((52 * 3600) + 10));
        Assert.Equal("1 dk'dan az", PanelFormat.Duration(20));
    }
}

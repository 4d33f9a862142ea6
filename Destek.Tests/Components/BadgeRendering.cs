using Bunit;
using Destek.App.Desk;
using Destek.Core.Tickets;

namespace Destek.Tests.Components;

public sealed class StatusBadgeRendering : BunitContext
{
    [Theory]
    [InlineData(TicketStatus.Open, "Açık", "status-open")]
    [InlineData(TicketStatus.InProgress, "İşlemde", "status-inprogress")]
    [InlineData(TicketStatus.Resolved, "Çözüldü", "status-resolved")]
    [InlineData(TicketStatus.Closed, "Kapatıldı", "status-closed")]
    public void CarriesTheStatusNameNotOnlyAColour(TicketStatus status, string text, string cssClass)
    {
        var cut = Render<StatusBadge>(p => p.Add(b => b.Status, status));
        var badge = cut.Find("span.badge");
        Assert.Equal(text, badge.TextContent);
        Assert.Contains(cssClass, badge.ClassList);
    }

    [Fact]
    public void PriorityBadgeNamesThePriority()
    {
        var cut = Render<PriorityBadge>(p => p.Add(b => b.Priority, TicketPriority.Urgent));
        Assert.Equal("Acil", cut.Find("span.badge.priority-urgent").TextContent);
    }
}

public sealed class AttachmentLinksRendering : BunitContext
{
    [Fact]
    public void LinksEachFileForDownloadWithItsSize()
    {
        var files = new List<AttachmentView>
        {
            new(7, null, "fatura.pdf", "application/pdf", 2048, "Mehmet Demir", DateTime.UtcNow),
            new(8, 3, "ekran.png", "image/png", 3 * 1024 * 1024, "Ayşe Kaya", DateTime.UtcNow),
        };
        var cut = Render<AttachmentLinks>(p => p.Add(a => a.Files, files).Add(a => a.ShowSize, true));

        var links = cut.FindAll("a");
        Assert.Equal(["masa/ekler/7", "masa/ekler/8"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["fatura.pdf", "ekran.png"], links.Select(a => a.GetAttribute("download")));
        Assert.Contains("2 KB", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("3 MB", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersNothingWithoutFiles()
    {
        var cut = Render<AttachmentLinks>(p => p.Add(a => a.Files, new List<AttachmentView>()));
        Assert.Empty(cut.FindAll("ul"));
    }
}

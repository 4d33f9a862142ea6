using AngleSharp.Html.Parser;
using Destek.App.Desk;
using Destek.Core.Services;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Destek.Tests.Components;

/// <summary>Renders components with the framework's HtmlRenderer and reads the markup with AngleSharp.</summary>
internal static class Render
{
    public static async Task<AngleSharp.Dom.IDocument> ComponentAsync<T>(Dictionary<string, object?> parameters) where T : IComponent
    {
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }
}

public sealed class StatusBadgeRendering
{
    [Theory]
    [InlineData(TicketStatus.Open, "Açık", "status-open")]
    [InlineData(TicketStatus.InProgress, "İşlemde", "status-inprogress")]
    [InlineData(TicketStatus.Resolved, "Çözüldü", "status-resolved")]
    [InlineData(TicketStatus.Closed, "Kapatıldı", "status-closed")]
    public async Task CarriesTheStatusNameNotOnlyAColour(TicketStatus status, string text, string cssClass)
    {
        var document = await Render.ComponentAsync<StatusBadge>(new() { [nameof(StatusBadge.Status)] = status });
        var badge = document.QuerySelector("span.badge");
        Assert.NotNull(badge);
        Assert.Equal(text, badge.TextContent);
        Assert.Contains(cssClass, badge.ClassList);
    }

    [Fact]
    public async Task PriorityBadgeNamesThePriority()
    {
        var document = await Render.ComponentAsync<PriorityBadge>(new() { [nameof(PriorityBadge.Priority)] = TicketPriority.Urgent });
        Assert.Equal("Acil", document.QuerySelector("span.badge.priority-urgent")?.TextContent);
    }
}

public sealed class AttachmentLinksRendering
{
    [Fact]
    public async Task LinksEachFileForDownloadWithItsSize()
    {
        var files = new List<AttachmentView>
        {
            new(7, null, "fatura.pdf", "application/pdf", 2048, "Mehmet Demir", DateTime.UtcNow),
            new(8, 3, "ekran.png", "image/png", 3 * 1024 * 1024, "Ayşe Kaya", DateTime.UtcNow),
        };
        var document = await Render.ComponentAsync<AttachmentLinks>(new()
        {
            [nameof(AttachmentLinks.Files)] = files,
            [nameof(AttachmentLinks.ShowSize)] = true,
        });

        var links = document.QuerySelectorAll("a").ToList();
        Assert.Equal(["masa/ekler/7", "masa/ekler/8"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["fatura.pdf", "ekran.png"], links.Select(a => a.GetAttribute("download")));
        Assert.Contains("2 KB", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 MB", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RendersNothingWithoutFiles()
    {
        var document = await Render.ComponentAsync<AttachmentLinks>(new() { [nameof(AttachmentLinks.Files)] = new List<AttachmentView>() });
        Assert.Empty(document.QuerySelectorAll("ul"));
    }
}

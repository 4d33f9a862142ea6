using System.Net;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Destek.App.Desk;

/// <summary>
/// The queue's cells, counted in render frames. A grid row's cells are one render tree, kept twice (current and
/// previous) in every open circuit, in a buffer that doubles past 64 frames; the grid itself spends seven frames on
/// every cell. So read-only content is one markup frame (every value HTML-encoded; the badges are what
/// <see cref="StatusBadge"/> and <see cref="PriorityBadge"/> render), and the checkbox and the quick-action buttons
/// are built here, outside the page's scoped CSS, so they carry no scope attribute: a row stays within 64 frames.
/// </summary>
public static class QueueRowMarkup
{
    // The SVG's own title is the tooltip: no title attribute on each button.
    private static readonly MarkupString PlayIcon = Icon(Icons.Material.Filled.PlayArrow, "İşleme al");
    private static readonly MarkupString ResolveIcon = Icon(Icons.Material.Filled.TaskAlt, "Çözüldü");
    private static readonly MarkupString CloseIcon = Icon(Icons.Material.Filled.Archive, "Kapat");

    /// <summary>The row's checkbox and its number as a real link to the ticket, so an agent can open it in a new tab.</summary>
    public static void Number(RenderTreeBuilder builder, object receiver, TicketRow row, bool selected, Action<int, ChangeEventArgs> toggle)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(toggle);
        var id = row.Id;
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "type", "checkbox");
        builder.AddAttribute(2, "aria-label", "Seç: " + row.Number);
        builder.AddAttribute(3, "checked", selected);
        builder.AddAttribute(4, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => toggle(id, e)));
        builder.CloseElement();
        builder.AddMarkupContent(5, LinkHtml(row, row.Number));
    }

    /// <summary>İşleme al, Çözüldü and Kapat, as far as the status allows; icon buttons named for the ticket.</summary>
    public static void Actions(RenderTreeBuilder builder, object receiver, TicketRow row, Func<TicketRow, TicketStatus, Task> change)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Status == TicketStatus.Open)
        {
            Button(builder, receiver, row, TicketStatus.InProgress, "İşleme al", PlayIcon, change);
        }

        if (row.Status is TicketStatus.Open or TicketStatus.InProgress)
        {
            Button(builder, receiver, row, TicketStatus.Resolved, "Çözüldü", ResolveIcon, change);
        }

        if (row.Status != TicketStatus.Closed)
        {
            Button(builder, receiver, row, TicketStatus.Closed, "Kapat", CloseIcon, change);
        }
    }

    /// <summary>
    /// The title as a link, and under it the status, the requester, the department and the assignee (one cell
    /// instead of five); the priority badge too on a phone, where its column is hidden.
    /// </summary>
    public static MarkupString Title(TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(LinkHtml(row, row.Title) + "<span class=\"q-meta\">" + BadgeHtml(row.Status)
            + "<span class=\"phone-only\">" + BadgeHtml(row.Priority) + "</span><span class=\"q-sub\">"
            + WebUtility.HtmlEncode(row.RequesterName) + "</span><span class=\"q-sub q-placement\">"
            + WebUtility.HtmlEncode(row.DepartmentName) + " · " + (row.AssigneeName is { } a ? WebUtility.HtmlEncode(a) : "atanmamış")
            + "</span></span>");
    }

    public static MarkupString Badge(TicketPriority priority) => new(BadgeHtml(priority));

    // The three buttons share sequence numbers, as the iterations of a loop would.
    private static void Button(RenderTreeBuilder builder, object receiver, TicketRow row, TicketStatus status, string action, MarkupString icon,
        Func<TicketRow, TicketStatus, Task> change)
    {
        builder.OpenElement(10, "button");
        builder.AddAttribute(11, "aria-label", action + ": " + row.Number);
        builder.AddAttribute(12, "onclick", EventCallback.Factory.Create(receiver, () => change(row, status)));
        builder.AddContent(13, icon);
        builder.CloseElement();
    }

    private static string LinkHtml(TicketRow row, string text) =>
        $"<a href=\"masa/talepler/{row.Id}\">{WebUtility.HtmlEncode(text)}</a>";

    private static string BadgeHtml(TicketStatus status) =>
        $"<span class=\"badge {DeskFormat.StatusClass(status)}\">{WebUtility.HtmlEncode(TicketLifecycle.Label(status))}</span>";

    private static string BadgeHtml(TicketPriority priority) =>
        $"<span class=\"badge {DeskFormat.PriorityClass(priority)}\">{WebUtility.HtmlEncode(TicketLifecycle.Label(priority))}</span>";

    private static MarkupString Icon(string path, string title) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"><title>{WebUtility.HtmlEncode(title)}</title>{path}</svg>");
}

using System.Net;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Destek.App.Desk;

/// <summary>
/// The queue's read-only cells as single markup frames. A grid row's cells are one render tree kept twice
/// in every open circuit; an element with attributes and text is three or more frames, markup is one.
/// The markup is what <see cref="StatusBadge"/> and <see cref="PriorityBadge"/> render, with every value
/// HTML-encoded.
/// </summary>
public static class QueueRowMarkup
{
    public static readonly MarkupString PlayIcon = Icon(Icons.Material.Filled.PlayArrow);
    public static readonly MarkupString ResolveIcon = Icon(Icons.Material.Filled.TaskAlt);
    public static readonly MarkupString CloseIcon = Icon(Icons.Material.Filled.Archive);

    /// <summary>A real link to the ticket, so an agent can open it in a new tab.</summary>
    public static MarkupString Link(TicketRow row, string text) => new(LinkHtml(row, text));

    /// <summary>The title as a link, with the status and priority badges that only phones show (their columns are hidden there).</summary>
    public static MarkupString Title(TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(LinkHtml(row, row.Title) + "<span class=\"phone-only q-badges\">" + BadgeHtml(row.Status) + " " + BadgeHtml(row.Priority) + "</span>");
    }

    public static MarkupString Badge(TicketStatus status) => new(BadgeHtml(status));

    public static MarkupString Badge(TicketPriority priority) => new(BadgeHtml(priority));

    private static string LinkHtml(TicketRow row, string text)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"<a href=\"masa/talepler/{row.Id}\">{WebUtility.HtmlEncode(text)}</a>";
    }

    private static string BadgeHtml(TicketStatus status) =>
        $"<span class=\"badge {DeskFormat.StatusClass(status)}\">{WebUtility.HtmlEncode(TicketLifecycle.Label(status))}</span>";

    private static string BadgeHtml(TicketPriority priority) =>
        $"<span class=\"badge {DeskFormat.PriorityClass(priority)}\">{WebUtility.HtmlEncode(TicketLifecycle.Label(priority))}</span>";

    private static MarkupString Icon(string path) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{path}</svg>");
}

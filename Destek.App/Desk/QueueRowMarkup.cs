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
    // The SVG's own title is the tooltip: one markup frame instead of a title attribute on each button.
    public static readonly MarkupString PlayIcon = Icon(Icons.Material.Filled.PlayArrow, "İşleme al");
    public static readonly MarkupString ResolveIcon = Icon(Icons.Material.Filled.TaskAlt, "Çözüldü");
    public static readonly MarkupString CloseIcon = Icon(Icons.Material.Filled.Archive, "Kapat");

    public static string SelectLabel(TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return "Seç: " + row.Number;
    }

    public static string QuickLabel(string action, TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return action + ": " + row.Number;
    }

    /// <summary>A real link to the ticket, so an agent can open it in a new tab.</summary>
    public static MarkupString Link(TicketRow row, string text) => new(LinkHtml(row, text));

    /// <summary>
    /// The title as a link, and under it the status and the requester (one cell instead of three); the priority
    /// badge too on a phone, where its column is hidden.
    /// </summary>
    public static MarkupString Title(TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(LinkHtml(row, row.Title) + "<span class=\"q-meta\">" + BadgeHtml(row.Status)
            + "<span class=\"phone-only\">" + BadgeHtml(row.Priority) + "</span><span class=\"q-requester\">"
            + WebUtility.HtmlEncode(row.RequesterName) + "</span></span>");
    }

    /// <summary>Department over assignee, one cell.</summary>
    public static MarkupString Placement(TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new("<span class=\"q-line\">" + WebUtility.HtmlEncode(row.DepartmentName) + "</span><span class=\"q-line q-sub\">"
            + WebUtility.HtmlEncode(row.AssigneeName ?? "—") + "</span>");
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

    private static MarkupString Icon(string path, string title) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"><title>{WebUtility.HtmlEncode(title)}</title>{path}</svg>");
}

using System.Net;
using Destek.App.Components.Layout;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Caching.Memory;
using MudBlazor;

namespace Destek.App.Desk;

/// <summary>
/// The queue's cells, counted in render frames and strings. A grid row's cells are one render tree, kept twice
/// (current and previous) in every open circuit, in a buffer that doubles past 64 frames; the grid itself spends
/// seven frames on every cell. So read-only content is one markup frame (every value HTML-encoded; the badges are
/// what <see cref="StatusBadge"/> and <see cref="PriorityBadge"/> render; both times share a cell), and the checkbox
/// and the quick-action buttons (named by their icon's title) are built here, outside the page's scoped CSS, so they
/// carry no scope attribute: a row of an open, selected ticket is 62 frames. A row's texts are made once per row version and shared through the memory cache by every render and
/// every circuit that shows it, instead of a copy per render in each circuit.
/// </summary>
public sealed class QueueRowMarkup(IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    /// <summary>The row's checkbox and its number as a real link to the ticket, so an agent can open it in a new tab.</summary>
    public void Number(RenderTreeBuilder builder, object receiver, TicketRow row, bool selected, Action<int, ChangeEventArgs> toggle)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(toggle);
        var texts = TextsOf(row);
        var id = row.Id;
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "type", "checkbox");
        builder.AddAttribute(2, "aria-label", texts.SelectLabel);
        builder.AddAttribute(3, "checked", selected);
        builder.AddAttribute(4, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => toggle(id, e)));
        builder.CloseElement();
        builder.AddMarkupContent(5, texts.NumberLink);
    }

    /// <summary>İşleme al, Çözüldü and Kapat, as far as the status allows; icon buttons named for the ticket.</summary>
    public void Actions(RenderTreeBuilder builder, object receiver, TicketRow row, Func<TicketRow, TicketStatus, Task> change)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var texts = TextsOf(row);
        if (row.Status == TicketStatus.Open)
        {
            Button(builder, receiver, row, TicketStatus.InProgress, texts.StartIcon, change);
        }

        if (row.Status is TicketStatus.Open or TicketStatus.InProgress)
        {
            Button(builder, receiver, row, TicketStatus.Resolved, texts.ResolveIcon, change);
        }

        if (row.Status != TicketStatus.Closed)
        {
            Button(builder, receiver, row, TicketStatus.Closed, texts.CloseIcon, change);
        }
    }

    /// <summary>
    /// The title as a link, and under it the status, the requester, the department and the assignee (one cell
    /// instead of five); the priority badge too on a phone, where its column is hidden.
    /// </summary>
    public MarkupString Title(TicketRow row) => TextsOf(row).Title;

    public MarkupString Priority(TicketRow row) => TextsOf(row).Priority;

    /// <summary>When the ticket last changed and, under it, when it was opened.</summary>
    public MarkupString Times(TicketRow row) => TextsOf(row).Times;

    private Texts TextsOf(TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        // The row's value is the key: a changed ticket is a new row, and its old texts expire.
        return cache.GetOrCreate((typeof(QueueRowMarkup), row), entry =>
        {
            entry.SlidingExpiration = Keep;
            return Make(row);
        })!;
    }

    private static Texts Make(TicketRow row) => new(
        NumberLink: LinkHtml(row, row.Number),
        Title: new(LinkHtml(row, row.Title) + "<span class=\"q-meta\">" + BadgeHtml(row.Status)
            + "<span class=\"phone-only\">" + BadgeHtml(row.Priority) + "</span><span class=\"q-sub\">"
            + WebUtility.HtmlEncode(row.RequesterName) + "</span><span class=\"q-sub q-placement\">"
            + WebUtility.HtmlEncode(row.DepartmentName) + " · " + (row.AssigneeName is { } a ? WebUtility.HtmlEncode(a) : "atanmamış")
            + "</span></span>"),
        Priority: new(BadgeHtml(row.Priority)),
        SelectLabel: "Seç: " + row.Number,
        StartIcon: PlainButton.Icon(Icons.Material.Filled.PlayArrow, "İşleme al: " + row.Number),
        ResolveIcon: PlainButton.Icon(Icons.Material.Filled.TaskAlt, "Çözüldü: " + row.Number),
        CloseIcon: PlainButton.Icon(Icons.Material.Filled.Archive, "Kapat: " + row.Number),
        Times: new("<span class=\"q-time-line\">" + (row.UpdatedAt is { } u ? DeskFormat.Time(u) : "—")
            + "</span><span class=\"q-time-line q-sub\">açıldı " + DeskFormat.Time(row.CreatedAt) + "</span>"));

    private sealed record Texts(
        string NumberLink, MarkupString Title, MarkupString Priority, string SelectLabel, MarkupString StartIcon, MarkupString ResolveIcon,
        MarkupString CloseIcon, MarkupString Times);

    // The three buttons share sequence numbers, as the iterations of a loop would. The icon's title names the button
    // (no aria-label frame), and is its tooltip.
    private static void Button(RenderTreeBuilder builder, object receiver, TicketRow row, TicketStatus status, MarkupString icon,
        Func<TicketRow, TicketStatus, Task> change)
    {
        builder.OpenElement(10, "button");
        builder.AddAttribute(11, "onclick", EventCallback.Factory.Create(receiver, () => change(row, status)));
        builder.AddContent(12, icon);
        builder.CloseElement();
    }

    private static string LinkHtml(TicketRow row, string text) =>
        $"<a href=\"masa/talepler/{row.Id}\">{WebUtility.HtmlEncode(text)}</a>";

    private static string BadgeHtml(TicketStatus status) =>
        $"<span class=\"badge {DeskFormat.StatusClass(status)}\">{WebUtility.HtmlEncode(TicketLifecycle.Label(status))}</span>";

    private static string BadgeHtml(TicketPriority priority) =>
        $"<span class=\"badge {DeskFormat.PriorityClass(priority)}\">{WebUtility.HtmlEncode(TicketLifecycle.Label(priority))}</span>";
}

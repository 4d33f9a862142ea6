using System.Globalization;
using System.Net;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;

namespace Destek.App.Desk;

/// <summary>
/// The queue's SLA cell as one markup frame: time left ("3 sa 20 dk kaldı"), or overdue in words and red
/// ("2 sa 10 dk gecikti"), never colour alone. Made per render, not cached with the row, because it moves with the clock.
/// </summary>
public static class SlaCell
{
    private static readonly MarkupString None = new("<span class=\"q-sub\">—</span>");
    private static readonly MarkupString Paused = new("<span class=\"q-sub\">Duraklatıldı (müşteri bekleniyor)</span>");

    public static MarkupString Markup(TicketRow row, DateTime now, TimeSpan nearWindow)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.SlaPaused)
        {
            return Paused;
        }

        if (row.SlaDueAt is not { } due)
        {
            return None;
        }

        var title = WebUtility.HtmlEncode("Son süre: " + DeskFormat.Time(due));
        if (due <= now)
        {
            return new($"<span class=\"sla-overdue mud-error-text\" title=\"{title}\"><strong>{Text(due, now)}</strong></span>");
        }

        var near = due - now <= nearWindow ? " sla-near mud-warning-text" : "";
        return new($"<span class=\"sla-left{near}\" title=\"{title}\">{Text(due, now)}</span>");
    }

    /// <summary>"2 sa 10 dk gecikti", "45 dk kaldı", "3 gün 4 sa kaldı".</summary>
    public static string Text(DateTime due, DateTime now)
    {
        var overdue = due <= now;
        var span = overdue ? now - due : due - now;
        return Duration(span) + (overdue ? " gecikti" : " kaldı");
    }

    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Ceiling(span.TotalMinutes);
        if (minutes < 1)
        {
            minutes = 1;
        }

        var days = minutes / (24 * 60);
        var hours = minutes / 60 % 24;
        var rest = minutes % 60;
        return days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{days} gün {hours} sa")
            : hours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{hours} sa {rest} dk") : string.Create(CultureInfo.InvariantCulture, $"{rest} dk");
    }
}

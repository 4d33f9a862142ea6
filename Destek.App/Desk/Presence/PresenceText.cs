using System.Net;
using Destek.App.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Destek.App.Desk.Presence;

/// <summary>Presence in words, never in colour alone: "Ayşe Kaya bu talebi görüntülüyor", "Ayşe Kaya yazıyor".</summary>
public static class PresenceText
{
    private static readonly string EyeIcon = PlainButton.Icon(EyePath).Value;

    private const string EyePath = "<path d=\"M12 4.5C7 4.5 2.73 7.61 1 12c1.73 4.39 6 7.5 11 7.5s9.27-3.11 11-7.5c-1.73-4.39-6-7.5-11-7.5zM12 17c-2.76 0-5-2.24-5-5s2.24-5 5-5 5 2.24 5 5-2.24 5-5 5zm0-8c-1.66 0-3 1.34-3 3s1.34 3 3 3 3-1.34 3-3-1.34-3-3-3z\"/>";

    /// <summary>The ticket page's sentence for one colleague.</summary>
    public static string Line(PresenceViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Typing ? $"{viewer.Name} yazıyor" : $"{viewer.Name} bu talebi görüntülüyor";
    }

    /// <summary>The queue's short form, after the row's title: "Ayşe Kaya görüntülüyor", "Ayşe Kaya yazıyor".</summary>
    public static string Short(PresenceViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Typing ? $"{viewer.Name} yazıyor" : $"{viewer.Name} görüntülüyor";
    }

    /// <summary>
    /// The queue's title cell with the colleagues who have the ticket open, in the same one markup frame: a row costs
    /// nothing more while nobody else is there, and the words are in the markup, the eye icon only beside them.
    /// </summary>
    public static MarkupString WithViewers(MarkupString title, IReadOnlyList<PresenceViewer> viewers, int? myUserId)
    {
        ArgumentNullException.ThrowIfNull(viewers);
        var others = viewers.Where(v => v.UserId != myUserId).ToList();
        if (others.Count == 0)
        {
            return title;
        }

        var words = WebUtility.HtmlEncode(string.Join(", ", others.Select(Short)));
        return new(title.Value + "<span class=\"q-presence\">" + EyeIcon + " " + words + "</span>");
    }
}

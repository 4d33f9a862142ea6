using System.Net;
using System.Text;

namespace Destek.Core.Search;

/// <summary>
/// A short excerpt around the first match, HTML-encoded, the matched words in &lt;mark&gt;. Matching
/// runs on the folded text, whose positions are the original's (see <see cref="TurkishFold"/>), so the
/// excerpt shows what was written, in its own case.
/// </summary>
public static class SearchSnippet
{
    private const int Before = 40;
    private const int Width = 160;

    /// <summary>The excerpt of the first text that matches, or null.</summary>
    public static string? Make(SearchTerms terms, IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var matches = Matches(terms, text);
            if (matches.Count > 0)
            {
                return Excerpt(text, matches);
            }
        }

        return null;
    }

    /// <summary>Word-start matches of any term: (start, length through the end of the word), in order.</summary>
    internal static List<(int Start, int Length)> Matches(SearchTerms terms, string text)
    {
        var folded = TurkishFold.Fold(text, terms.IgnoreMarks);
        var found = new List<(int Start, int Length)>();
        for (var i = 0; i < folded.Length; i++)
        {
            if (!char.IsLetterOrDigit(folded[i]) || (i > 0 && char.IsLetterOrDigit(folded[i - 1])))
            {
                continue;
            }

            if (terms.Words.Any(w => string.CompareOrdinal(folded, i, w, 0, w.Length) == 0 && i + w.Length <= folded.Length))
            {
                var end = i;
                while (end < folded.Length && char.IsLetterOrDigit(folded[end]))
                {
                    end++;
                }

                found.Add((i, end - i));
                i = end;
            }
        }

        return found;
    }

    private static string Excerpt(string text, List<(int Start, int Length)> matches)
    {
        var start = Math.Max(0, matches[0].Start - Before);
        while (start > 0 && start < matches[0].Start && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }

        var end = Math.Min(text.Length, start + Width);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        foreach (var (matchStart, length) in matches.Where(m => m.Start >= start && m.Start < end))
        {
            var matchEnd = Math.Min(end, matchStart + length);
            html.Append(WebUtility.HtmlEncode(Flatten(text[at..matchStart])))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text[matchStart..matchEnd])).Append("</mark>");
            at = matchEnd;
        }

        html.Append(WebUtility.HtmlEncode(Flatten(text[at..end])));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    // Line breaks of a message read as spaces in a one-line excerpt.
    private static string Flatten(string value) => value.ReplaceLineEndings(" ");
}

using System.Text.RegularExpressions;

namespace Destek.Core.Mail;

/// <summary>
/// The new part of an answer: what comes before the quoted history ("… tarihinde … yazdı:",
/// "On … wrote:", an Outlook "From:/Kimden:" block or "Original Message" line) and the signature
/// ("-- "); lines quoted with "&gt;" are dropped wherever they are.
/// </summary>
public static partial class QuotedText
{
    public static string Strip(string? text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var next = i + 1 < lines.Length ? lines[i + 1] : "";
            if (line is "-- " or "--" || StartsHistory(line, next) || StartsOutlookBlock(lines, i))
            {
                break;
            }

            if (!line.TrimStart().StartsWith('>'))
            {
                kept.Add(line.TrimEnd());
            }
        }

        return string.Join('\n', kept).Trim();
    }

    /// <summary>A mail without a text part: block ends become line breaks, quoted blocks are dropped, tags removed, entities decoded.</summary>
    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = HtmlQuote().Replace(html, "\n");
        text = HtmlBreak().Replace(text, "\n");
        text = HtmlTag().Replace(text, "");
        return System.Net.WebUtility.HtmlDecode(text);
    }

    /// <summary>"On … wrote:" and "… tarihinde … yazdı:", also when the mail program wrapped it onto a second line.</summary>
    private static bool StartsHistory(string line, string next)
    {
        var trimmed = line.Trim();
        var joined = trimmed + " " + next.Trim();
        return WroteLine().IsMatch(trimmed) || YazdiLine().IsMatch(trimmed)
            || (trimmed.StartsWith("On ", StringComparison.Ordinal) && WroteLine().IsMatch(joined))
            || (trimmed.Contains("tarihinde", StringComparison.Ordinal) && YazdiLine().IsMatch(joined));
    }

    /// <summary>Outlook's header block of the quoted mail: From/Kimden followed closely by Sent/To/Subject (or Turkish), or a separator line.</summary>
    private static bool StartsOutlookBlock(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage().IsMatch(line))
        {
            return true;
        }

        var header = line.StartsWith('_') && line.Trim('_').Length == 0 && line.Length >= 10 ? i + 1 : i;
        while (header < lines.Length && header > i && lines[header].Trim().Length == 0)
        {
            header++;
        }

        if (header >= lines.Length || !FromHeader().IsMatch(lines[header].Trim()))
        {
            return false;
        }

        for (var j = header + 1; j < Math.Min(lines.Length, header + 5); j++)
        {
            if (OtherHeader().IsMatch(lines[j].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"<blockquote[\s\S]*?</blockquote>|<(style|script|head)[\s\S]*?</\1>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlQuote();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6])>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^On\s.+\swrote:$", RegexOptions.CultureInvariant)]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"^.+\starihinde\s.+\syazdı:$", RegexOptions.CultureInvariant)]
    private static partial Regex YazdiLine();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Özgün İleti|Orijinal Mesaj|Orijinal İleti)\s*-{2,}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\*?(From|Kimden):\*?\s", RegexOptions.CultureInvariant)]
    private static partial Regex FromHeader();

    [GeneratedRegex(@"^\*?(Sent|Date|To|Subject|Gönderildi|Gönderilme|Tarih|Kime|Konu):\*?\s", RegexOptions.CultureInvariant)]
    private static partial Regex OtherHeader();
}

using System.Globalization;

namespace Destek.Core.Search;

/// <summary>
/// Turkish case folding for the search index and its queries: I→ı and İ→i (which the invariant
/// lowercase and FTS5's unicode61 tokenizer get wrong), and optionally the Turkish letters without
/// their marks (ş→s, ı→i …) so "sifre" finds "Şifre". One character in, one character out, so a
/// position in folded text is the same position in the original (the highlighter relies on it).
/// </summary>
public static class TurkishFold
{
    private static readonly TextInfo Turkish = CultureInfo.GetCultureInfo("tr-TR").TextInfo;

    /// <summary>Upper-case letters the database folds itself (SQL translate/replace), paired with <see cref="Lower"/>.</summary>
    public const string Upper = "ABCÇDEFGĞHIİJKLMNOÖPQRSŞTUÜVWXYZÂÎÛ";
    public const string Lower = "abcçdefgğhıijklmnoöpqrsştuüvwxyzâîû";

    /// <summary>Marked letters (lower case) and what the loose form writes instead.</summary>
    public const string Marked = "çğıöşüâîû";
    public const string Unmarked = "cgiosuaiu";

    public static string Fold(string text, bool ignoreMarks)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Called by the SQLite search triggers for every ticket and message written: no builder, one allocation.
        return string.Create(text.Length, (text, ignoreMarks), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Fold(state.text[i], state.ignoreMarks);
            }
        });
    }

    public static char Fold(char c, bool ignoreMarks)
    {
        var lower = Turkish.ToLower(c);
        if (!ignoreMarks)
        {
            return lower;
        }

        var at = Marked.IndexOf(lower, StringComparison.Ordinal);
        return at < 0 ? lower : Unmarked[at];
    }
}

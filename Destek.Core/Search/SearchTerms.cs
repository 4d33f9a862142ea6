using System.Text;

namespace Destek.Core.Search;

/// <summary>
/// What a person typed, reduced to words of letters and digits, Turkish-folded. Nothing typed reaches
/// the database's query syntax: quotes, operators (AND, NEAR, *, ^, :) and brackets are separators,
/// and every word is quoted before it is written into a MATCH or tsquery. The last word is a prefix
/// (search as you type); a phone-shaped input also looks for its national digits.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxWords = 8;
    public const int MaxLength = 200;

    private SearchTerms(IReadOnlyList<string> words, bool ignoreMarks)
    {
        Words = words;
        IgnoreMarks = ignoreMarks;
    }

    /// <summary>Folded words, in the order typed; each one a prefix.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IgnoreMarks { get; }

    /// <summary>The words, or null when nothing searchable was typed.</summary>
    public static SearchTerms? Parse(string? text, bool ignoreMarks)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Length > MaxLength ? text[..MaxLength] : text;
        text = text.Normalize(NormalizationForm.FormC);
        var words = new List<string>();
        var phone = PhoneDigits(text);
        if (phone is not null)
        {
            words.Add(phone);
        }
        else
        {
            var word = new StringBuilder();
            foreach (var c in text.Append(' '))
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(TurkishFold.Fold(c, ignoreMarks));
                }
                else if (word.Length > 0)
                {
                    if (!words.Contains(word.ToString()))
                    {
                        words.Add(word.ToString());
                    }

                    word.Clear();
                }
            }
        }

        if (words.Count == 0 || (words.Count == 1 && words[0].Length < 2))
        {
            // One letter would be a prefix of most of the index: nothing to rank yet.
            return null;
        }

        return new SearchTerms(words.Take(MaxWords).ToList(), ignoreMarks);
    }

    /// <summary>An FTS5 expression limited to the given columns: every word quoted, as a prefix, all required.</summary>
    public string Fts5(string columns) =>
        "{" + columns + "} : (" + string.Join(" AND ", Words.Select(w => "\"" + w + "\"*")) + ")";

    /// <summary>A PostgreSQL tsquery text ('simple' configuration): every word a quoted prefix, all required.</summary>
    public string TsQuery() => string.Join(" & ", Words.Select(w => "'" + w + "':*"));

    /// <summary>
    /// The national digits of a phone-shaped input (seven or more digits among only digits, spaces,
    /// +, -, parentheses), without the 0 or +90 trunk prefix; else null. The index holds the same form.
    /// </summary>
    internal static string? PhoneDigits(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || !trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))
        {
            return null;
        }

        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 7)
        {
            return null;
        }

        if (digits.Length == 12 && digits.StartsWith("90", StringComparison.Ordinal))
        {
            return digits[2..];
        }

        return digits.Length == 11 && digits[0] == '0' ? digits[1..] : digits;
    }
}

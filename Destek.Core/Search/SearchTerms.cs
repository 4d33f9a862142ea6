using System.Text;

namespace Destek.Core.Search;

/// <summary>
/// What a person typed, reduced to words of letters and digits, Turkish-folded. Nothing typed reaches
/// the database's query syntax: quotes, operators (AND, NEAR, *, ^, :) and brackets are separators,
/// and every word is quoted before it is written into a MATCH or tsquery. Each phrase ends in a prefix
/// (search as you type); a phone-shaped input looks for its national digits.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxWords = 8;
    public const int MaxLength = 200;

    private SearchTerms(IReadOnlyList<IReadOnlyList<string>> phrases, bool ignoreMarks)
    {
        Phrases = phrases;
        Words = phrases.SelectMany(p => p).Distinct().ToList();
        IgnoreMarks = ignoreMarks;
    }

    /// <summary>
    /// What was typed between spaces, each as its folded words: "ali@ornek.com" is one phrase of three
    /// words, which must stand together, so an address or a ticket number matches as written.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    /// <summary>Every folded word, in the order typed.</summary>
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
        var phrases = new List<IReadOnlyList<string>>();
        if (PhoneDigits(text) is { } phone)
        {
            phrases.Add([phone]);
        }
        else
        {
            foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var words = new List<string>();
                var word = new StringBuilder();
                foreach (var c in chunk.Append(' '))
                {
                    if (char.IsLetterOrDigit(c))
                    {
                        word.Append(TurkishFold.Fold(c, ignoreMarks));
                    }
                    else if (word.Length > 0)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                    }
                }

                if (words.Count > 0 && !phrases.Any(p => p.SequenceEqual(words)))
                {
                    phrases.Add(words.Take(MaxWords).ToList());
                }
            }
        }

        if (phrases.Count == 0 || (phrases.Count == 1 && phrases[0].Count == 1 && phrases[0][0].Length < 2))
        {
            // One letter would be a prefix of most of the index: nothing to rank yet.
            return null;
        }

        return new SearchTerms(phrases.Take(MaxWords).ToList(), ignoreMarks);
    }

    /// <summary>An FTS5 expression limited to the given columns: every phrase quoted, its last word a prefix, all required.</summary>
    public string Fts5(string columns, bool lastWordAsPrefix = true) =>
        "{" + columns + "} : (" + string.Join(" AND ", Phrases.Select(p => "\"" + string.Join(' ', p) + "\"" + (lastWordAsPrefix ? "*" : ""))) + ")";

    /// <summary>A PostgreSQL tsquery text ('simple' configuration): phrases of adjacent quoted words, the last a prefix, all required.</summary>
    public string TsQuery(bool lastWordAsPrefix = true) =>
        string.Join(" & ", Phrases.Select(p => "(" + string.Join(" <-> ", p.Select((w, i) => "'" + w + "'" + (lastWordAsPrefix && i == p.Count - 1 ? ":*" : ""))) + ")"));

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

        var digits = NationalDigits(trimmed);
        return digits.Length < 7 ? null : digits;
    }

    /// <summary>A phone number's digits without the +90 country code or the trunk 0 (what the index holds).</summary>
    public static string NationalDigits(string? phone)
    {
        var digits = string.Concat((phone ?? "").Where(char.IsAsciiDigit));
        return digits switch
        {
            { Length: 12 } when digits.StartsWith("90", StringComparison.Ordinal) => digits[2..],
            { Length: 11 } when digits[0] == '0' => digits[1..],
            _ => digits,
        };
    }
}

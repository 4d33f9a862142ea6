using System.Text;
using System.Text.RegularExpressions;

namespace Destek.Core.Tickets;

/// <summary>What a canned reply's placeholders are filled with, for one ticket and one agent.</summary>
public sealed record CannedReplyContext(string CustomerName, string? CustomerEmail, string TicketNumber, string TicketTitle, string AgentName);

/// <summary>
/// The placeholders of canned replies (<c>{{musteri.ad}}</c> …). Filling is plain text substitution:
/// the result goes into a text box the agent still reads and sends, so nothing is evaluated, and an
/// unknown placeholder stays as written for the agent to notice (the editor flags it beforehand).
/// </summary>
public static partial class CannedReplyTemplate
{
    public static IReadOnlyList<(string Name, string Meaning)> Placeholders { get; } =
    [
        ("musteri.ad", "Müşterinin adı"),
        ("musteri.eposta", "Müşterinin e-posta adresi"),
        ("talep.numara", "Talep numarası"),
        ("talep.konu", "Talebin konusu"),
        ("temsilci.ad", "Yanıtlayan temsilcinin adı"),
    ];

    [GeneratedRegex(@"\{\{\s*([^{}\s]+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Placeholder();

    public static string Render(string body, CannedReplyContext context)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        return Placeholder().Replace(body, m => Value(m.Groups[1].Value, context) ?? m.Value);
    }

    /// <summary>Placeholders in <paramref name="body"/> that are not known, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> Unknown(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        var known = Placeholders.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>How a placeholder is written, for help texts.</summary>
    public static string Written(string name) => new StringBuilder("{{").Append(name).Append("}}").ToString();

    private static string? Value(string name, CannedReplyContext c) => name switch
    {
        "musteri.ad" => c.CustomerName,
        "musteri.eposta" => c.CustomerEmail ?? "",
        "talep.numara" => c.TicketNumber,
        "talep.konu" => c.TicketTitle,
        "temsilci.ad" => c.AgentName,
        _ => null,
    };
}

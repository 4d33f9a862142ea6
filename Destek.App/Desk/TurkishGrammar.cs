namespace Destek.App.Desk;

/// <summary>Turkish suffixes for messages that name people ("Mehmet Demir'e").</summary>
public static class TurkishGrammar
{
    private const string BackVowels = "aıouAIOU";
    private const string Vowels = "aıoueiöüAIOUEİÖÜ";

    /// <summary>The name in the dative case, by vowel harmony: Demir'e, Kaya'ya, Ali'ye, Tolga'ya.</summary>
    public static string Dative(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var lastVowel = trimmed.LastOrDefault(c => Vowels.Contains(c, StringComparison.Ordinal));
        var vowel = lastVowel != default && BackVowels.Contains(lastVowel, StringComparison.Ordinal) ? "a" : "e";
        var buffer = trimmed.Length > 0 && Vowels.Contains(trimmed[^1], StringComparison.Ordinal) ? "y" : "";
        return $"{trimmed}'{buffer}{vowel}";
    }
}

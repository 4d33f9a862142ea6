namespace Destek.Core.Search;

/// <summary>The "Destek:Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Destek:Search";

    /// <summary>
    /// When on, Turkish letters match without their marks ("sifre" finds "Şifre", "irmak" finds "Irmak").
    /// Both forms are always indexed, so switching needs no rebuild.
    /// </summary>
    public bool IgnoreDiacritics { get; set; } = true;

    /// <summary>
    /// Matches ranked per search: the newest this many per source (ticket fields, messages). Bounds the
    /// work of a very common word at a million tickets; the total then reads "N+" on screen.
    /// </summary>
    public int CandidateLimit { get; set; } = 1000;
}

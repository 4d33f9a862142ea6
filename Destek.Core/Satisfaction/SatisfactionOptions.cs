namespace Destek.Core.Satisfaction;

/// <summary><c>Destek:Satisfaction</c>: how long a rating link in a mail stays usable.</summary>
public sealed class SatisfactionOptions
{
    public const string Section = "Destek:Satisfaction";

    public int RatingLinkDays { get; set; } = 30;

    public TimeSpan RatingLinkLifetime => TimeSpan.FromDays(Math.Clamp(RatingLinkDays, 1, 365));
}

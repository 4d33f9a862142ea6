namespace Destek.Core.Satisfaction;

/// <summary>Where a rating was given.</summary>
public enum RatingChannel
{
    MailLink = 0,
    Portal = 1,
}

/// <summary>
/// The customer's satisfaction with a resolved ticket (CSAT): one per ticket, a score 1–5 and an
/// optional comment. Reports read this table (average of Score over RatedAt).
/// </summary>
public sealed class TicketRating
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int CommentMaxLength = 2_000;

    private TicketRating()
    {
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public int Score { get; private set; }
    public string? Comment { get; private set; }
    public RatingChannel Channel { get; private set; }
    public DateTime RatedAt { get; private set; }

    public static TicketRating Create(int ticketId, int score, string? comment, RatingChannel channel, DateTime now)
    {
        if (score is < MinScore or > MaxScore)
        {
            throw new RatingException("score", $"Puan {MinScore} ile {MaxScore} arasında olmalıdır.");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > CommentMaxLength })
        {
            throw new RatingException("comment", $"Yorum en fazla {CommentMaxLength} karakter olabilir.");
        }

        return new TicketRating { TicketId = ticketId, Score = score, Comment = text, Channel = channel, RatedAt = now };
    }

    /// <summary>How a score reads in words, so a number or a colour is never its only sign.</summary>
    public static string Label(int score) => score switch
    {
        1 => "Çok kötü",
        2 => "Kötü",
        3 => "Orta",
        4 => "İyi",
        5 => "Çok iyi",
        _ => score.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>A refused rating, naming the field.</summary>
public sealed class RatingException(string field, string message) : InvalidOperationException(message)
{
    public string Field { get; } = field;
}

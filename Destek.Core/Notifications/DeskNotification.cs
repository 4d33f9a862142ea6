namespace Destek.Core.Notifications;

/// <summary>What a desk notification is about; the values are stored, so they never change.</summary>
public static class DeskNotificationKind
{
    public const string AssignedToMe = "assigned_to_me";
    public const string CustomerAnswered = "customer_answered";
    public const string SlaNear = "sla_near";

    public const int MaxLength = 32;

    public static IReadOnlyList<string> All { get; } = [AssignedToMe, CustomerAnswered, SlaNear];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);

    /// <summary>The sentence an agent reads, e.g. "Zeynep Arslan size atadı".</summary>
    public static string Describe(string kind, string? actorName) => kind switch
    {
        AssignedToMe => actorName is { Length: > 0 } ? $"{actorName} size atadı" : "Size atandı",
        CustomerAnswered => actorName is { Length: > 0 } ? $"{actorName} yanıt verdi" : "Müşteri yanıt verdi",
        SlaNear => "SLA süresi dolmak üzere",
        _ => kind,
    };
}

/// <summary>
/// One line in an agent's desk notifications (the bell in the app bar): a ticket was assigned to them, its
/// customer answered, or its SLA is about to run out. Created unread; reading it is the only change.
/// </summary>
public sealed class DeskNotification
{
    public const int ActorNameMaxLength = 200;

    private DeskNotification()
    {
    }

    public long Id { get; private set; }
    public int RecipientId { get; private set; }
    public string Kind { get; private set; } = "";
    public int TicketId { get; private set; }
    /// <summary>Who caused it (a colleague, the customer, "Sistem"); null when nobody did, as for an SLA warning.</summary>
    public string? ActorName { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public static DeskNotification Create(int recipientId, string kind, int ticketId, string? actorName, DateTime now)
    {
        if (recipientId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recipientId), recipientId, "A notification needs a recipient.");
        }

        if (!DeskNotificationKind.IsKnown(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notification kind.");
        }

        if (ticketId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ticketId), ticketId, "A notification is about a saved ticket.");
        }

        var name = string.IsNullOrWhiteSpace(actorName) ? null : actorName.Trim();
        if (name is { Length: > ActorNameMaxLength })
        {
            name = name[..ActorNameMaxLength];
        }

        return new DeskNotification { RecipientId = recipientId, Kind = kind, TicketId = ticketId, ActorName = name, CreatedAt = now };
    }

    /// <summary>The first reading counts; reading again changes nothing.</summary>
    public void MarkRead(DateTime now) => ReadAt ??= now;
}

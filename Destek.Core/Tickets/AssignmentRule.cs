namespace Destek.Core.Tickets;

public enum AssignmentStrategy
{
    /// <summary>In turn (sıralı), by user id, after the last one who got a ticket.</summary>
    RoundRobin = 0,

    /// <summary>The agent with the fewest open tickets; ties in turn.</summary>
    LeastOpen = 1,
}

/// <summary>
/// A department's automatic assignment: on or off, the strategy, the open-ticket cap, and the rotation
/// pointer (<see cref="LastAssignedUserId"/>). The pointer lives in this row so that every creating
/// transaction reads and advances it under the row's lock (<see cref="Turn"/> is bumped first to take it).
/// </summary>
public sealed class AssignmentRule
{
    public const int MaxCap = 10_000;

    private AssignmentRule()
    {
    }

    public AssignmentRule(int departmentId)
    {
        DepartmentId = departmentId;
    }

    public int DepartmentId { get; private set; }
    public bool IsEnabled { get; private set; }
    public AssignmentStrategy Strategy { get; private set; }

    /// <summary>Agents with this many open tickets (open or in progress) or more are skipped; null: no cap.</summary>
    public int? OpenTicketCap { get; private set; }

    public int? LastAssignedUserId { get; private set; }

    /// <summary>How many creating transactions took the pointer; bumped to lock the row.</summary>
    public long Turn { get; private set; }

    public void Configure(bool enabled, AssignmentStrategy strategy, int? openTicketCap)
    {
        if (!Enum.IsDefined(strategy))
        {
            throw new TicketRuleException("Bilinmeyen atama yöntemi.");
        }

        if (openTicketCap is < 1 or > MaxCap)
        {
            throw new TicketRuleException($"Açık talep sınırı 1 ile {MaxCap} arasında olmalıdır.");
        }

        IsEnabled = enabled;
        Strategy = strategy;
        OpenTicketCap = openTicketCap;
    }

    public static string Label(AssignmentStrategy strategy) => strategy switch
    {
        AssignmentStrategy.LeastOpen => "en az açık talep",
        _ => "sıralı",
    };
}

/// <summary>An agent's own switch: available for automatic assignment or not. No row: not available.</summary>
public sealed class AgentAvailability
{
    private AgentAvailability()
    {
    }

    public AgentAvailability(int userId)
    {
        UserId = userId;
    }

    public int UserId { get; private set; }
    public bool IsAvailable { get; private set; }
    public DateTime ChangedAt { get; private set; }

    public void Set(bool available, DateTime now)
    {
        IsAvailable = available;
        ChangedAt = now;
    }
}

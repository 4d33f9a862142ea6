namespace Destek.Core.Tickets;

public sealed partial class Ticket
{
    /// <summary>Assignment by the department's rule; the history names it ("Otomatik atama (sıralı)") as the actor.</summary>
    public void AssignAutomatically(StaffMember assignee, AssignmentStrategy strategy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        Assign(assignee, new Actor(AuthorKind.System, $"Otomatik atama ({AssignmentRule.Label(strategy)})"), now);
    }
}

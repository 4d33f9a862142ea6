using Destek.Core.Tickets;

namespace Destek.Tests.Assignment;

public sealed class AssignmentPickerOrder
{
    private static List<int?> Picks(AssignmentPicker picker, int count) => Enumerable.Range(0, count).Select(_ => picker.Next()).ToList();

    [Fact]
    public void TakesTurnsAfterThePointerAndWrapsAround()
    {
        var picker = new AssignmentPicker(AssignmentStrategy.RoundRobin, null, lastAssignedUserId: 7, new Dictionary<int, int> { [3] = 0, [7] = 0, [9] = 0 });
        Assert.Equal([9, 3, 7, 9, 3], Picks(picker, 5));
        Assert.Equal(3, picker.Last);
    }

    [Fact]
    public void SkipsAgentsAtTheCap()
    {
        var picker = new AssignmentPicker(AssignmentStrategy.RoundRobin, cap: 2, lastAssignedUserId: null, new Dictionary<int, int> { [1] = 2, [2] = 0, [3] = 1 });
        // Agent 1 is at the cap; agent 3 reaches it after one more; then only agent 2 takes tickets, until the cap stops everyone.
        Assert.Equal([2, 3, 2, null], Picks(picker, 4));
    }

    [Fact]
    public void GivesTheLeastLoadedAgentTheNextTicketWithTiesInTurn()
    {
        var picker = new AssignmentPicker(AssignmentStrategy.LeastOpen, null, lastAssignedUserId: 1, new Dictionary<int, int> { [1] = 0, [2] = 3, [3] = 0 });
        Assert.Equal([3, 1, 3, 1, 3, 1, 2], Picks(picker, 7));
    }

    [Fact]
    public void AssignsNobodyWithoutCandidates()
    {
        Assert.Null(new AssignmentPicker(AssignmentStrategy.RoundRobin, null, null, new Dictionary<int, int>()).Next());
    }
}

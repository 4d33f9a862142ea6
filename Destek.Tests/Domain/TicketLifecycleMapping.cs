using Destek.Core.Tickets;

namespace Destek.Tests.Domain;

public sealed class TicketLifecycleMapping
{
    [Theory]
    [InlineData(TicketStatus.Open, "open", "pending")]
    [InlineData(TicketStatus.InProgress, "in_progress", "in_progress")]
    [InlineData(TicketStatus.Resolved, "resolved", "resolved")]
    [InlineData(TicketStatus.Closed, "closed", "closed")]
    public void MapsEachStatusBothWaysForExternalAndSupportFormApis(TicketStatus status, string external, string supportForm)
    {
        Assert.Equal(external, TicketLifecycle.ToExternal(status));
        Assert.Equal(status, TicketLifecycle.FromExternal(external));
        Assert.Equal(supportForm, TicketLifecycle.ToSupportForm(status));
        Assert.Equal(status, TicketLifecycle.FromSupportForm(supportForm));
    }

    [Theory]
    [InlineData(TicketStatus.Open, false, "acik")]
    [InlineData(TicketStatus.Open, true, "cevaplandi")]
    [InlineData(TicketStatus.InProgress, false, "acik")]
    [InlineData(TicketStatus.InProgress, true, "cevaplandi")]
    [InlineData(TicketStatus.Resolved, true, "kapatildi")]
    [InlineData(TicketStatus.Closed, false, "kapatildi")]
    public void MapsToTheCustomerPortalNames(TicketStatus status, bool staffSpokeLast, string expected) =>
        Assert.Equal(expected, TicketLifecycle.ToCustomer(status, staffSpokeLast));

    [Theory]
    [InlineData(TicketPriority.Low, "low", "dusuk")]
    [InlineData(TicketPriority.Medium, "medium", "orta")]
    [InlineData(TicketPriority.High, "high", "yuksek")]
    [InlineData(TicketPriority.Urgent, "urgent", "acil")]
    public void MapsPriorities(TicketPriority priority, string english, string turkish)
    {
        Assert.Equal(english, TicketLifecycle.ToEnglish(priority));
        Assert.Equal(priority, TicketLifecycle.FromEnglish(english));
        Assert.Equal(turkish, TicketLifecycle.ToTurkish(priority));
        Assert.Equal(priority, TicketLifecycle.FromTurkish(turkish));
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("OPEN")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownExternalNamesAreRefused(string? name) => Assert.Null(TicketLifecycle.FromExternal(name));

    [Fact]
    public void SupportFormDoesNotAcceptExternalOpen() => Assert.Null(TicketLifecycle.FromSupportForm("open"));
}

using Destek.Core.Notifications;

namespace Destek.Tests.Notifications;

/// <summary>The notification entity's guards.</summary>
public sealed class DeskNotificationRules
{
    private static readonly DateTime At = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RefusesUnknownKindAndMissingRecipientOrTicket()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeskNotification.Create(1, "mentioned", 5, null, At));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeskNotification.Create(0, DeskNotificationKind.AssignedToMe, 5, null, At));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeskNotification.Create(1, DeskNotificationKind.AssignedToMe, 0, null, At));
    }

    [Fact]
    public void FirstReadingCounts()
    {
        var n = DeskNotification.Create(1, DeskNotificationKind.CustomerAnswered, 5, "  Ahmet Yılmaz ", At);
        Assert.False(n.IsRead);
        Assert.Equal("Ahmet Yılmaz", n.ActorName);

        n.MarkRead(At.AddMinutes(1));
        n.MarkRead(At.AddMinutes(5));

        Assert.Equal(At.AddMinutes(1), n.ReadAt);
    }

    [Fact]
    public void DescribesEachKindInTurkish()
    {
        Assert.Equal("Zeynep Arslan size atadı", DeskNotificationKind.Describe(DeskNotificationKind.AssignedToMe, "Zeynep Arslan"));
        Assert.Equal("Ahmet Yılmaz yanıt verdi", DeskNotificationKind.Describe(DeskNotificationKind.CustomerAnswered, "Ahmet Yılmaz"));
        Assert.Equal("SLA süresi dolmak üzere", DeskNotificationKind.Describe(DeskNotificationKind.SlaNear, null));
    }
}

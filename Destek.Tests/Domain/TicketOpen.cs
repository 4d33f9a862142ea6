using Destek.Core.Tickets;
using static Destek.Tests.Domain.TicketTestData;

namespace Destek.Tests.Domain;

public sealed class TicketOpen
{
    [Fact]
    public void StartsOpenUnassignedAndRaisesCreated()
    {
        var ticket = NewTicket();
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.AssigneeId);
        Assert.Equal("ahmet@firma.com", ticket.RequesterEmail);
        Assert.Equal([TicketEvent.Created], ticket.EventTypes());
        Assert.NotEqual(Guid.Empty, ticket.PublicId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesEmptyTitle(string title)
    {
        var ex = Assert.Throws<TicketRuleException>(() => Ticket.Open(new NewTicket
        {
            Title = title, Description = "x", DepartmentId = 1, Source = TicketSource.Api, RequesterName = "A",
        }, Actor.System, Now));
        Assert.Contains("Başlık", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesInvalidCitizenshipNumber()
    {
        Assert.Throws<TicketRuleException>(() => Ticket.Open(new NewTicket
        {
            Title = "T", Description = "x", DepartmentId = 1, Source = TicketSource.Api, RequesterName = "A", CitizenshipNo = "12345678901",
        }, Actor.System, Now));
    }
}

public sealed class TcKimlikNoCheck
{
    [Theory]
    [InlineData("10000000146", true)]
    [InlineData("11111111110", true)]
    [InlineData("12345678950", true)]
    [InlineData("12345678901", false)]
    [InlineData("02345678950", false)]
    [InlineData("1234567895", false)]
    [InlineData("1234567895a", false)]
    [InlineData(null, false)]
    public void ChecksDigitsAndLength(string? value, bool valid) => Assert.Equal(valid, TcKimlikNo.IsValid(value));
}

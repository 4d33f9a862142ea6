using Destek.Core.Tickets;
using static Destek.Tests.Domain.TicketTestData;

namespace Destek.Tests.Domain;

public sealed class TicketChangeStatus
{
    [Fact]
    public void ResolvingStampsResolvedAtAndRaisesStatusChanged()
    {
        var ticket = NewTicket();
        ticket.ForgetEvents();
        ticket.ChangeStatus(TicketStatus.Resolved, Actor.Staff(Agent), Now);

        Assert.Equal(Now, ticket.ResolvedAt);
        Assert.Null(ticket.ClosedAt);
        Assert.Equal([TicketEvent.StatusChanged], ticket.EventTypes());
        Assert.Equal("resolved", ticket.PendingEvents[0].Changes["status"]);
        var entry = Assert.Single(ticket.History);
        Assert.Equal(("Açık", "Çözüldü"), (entry.OldValue, entry.NewValue));
    }

    [Fact]
    public void ClosingRaisesClosedAndReopeningRaisesReopened()
    {
        var ticket = NewTicket();
        ticket.ForgetEvents();
        ticket.ChangeStatus(TicketStatus.Closed, Actor.Staff(Agent), Now);
        Assert.Equal([TicketEvent.StatusChanged, TicketEvent.Closed], ticket.EventTypes());
        Assert.Equal(Now, ticket.ClosedAt);

        ticket.ForgetEvents();
        ticket.ChangeStatus(TicketStatus.Open, Actor.Staff(Agent), Now.AddHours(1));
        Assert.Equal([TicketEvent.StatusChanged, TicketEvent.Reopened], ticket.EventTypes());
        Assert.Null(ticket.ClosedAt);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public void SameStatusIsNoChange()
    {
        var ticket = NewTicket();
        ticket.ForgetEvents();
        ticket.ChangeStatus(TicketStatus.Open, Actor.Staff(Agent), Now);
        Assert.Empty(ticket.History);
        Assert.Empty(ticket.PendingEvents);
    }
}

public sealed class TicketReply
{
    [Fact]
    public void StaffReplyMarksTicketAnsweredForTheCustomer()
    {
        var ticket = NewTicket();
        ticket.Reply("Kontrol ediyoruz.", Actor.Staff(Agent), Now);
        Assert.True(ticket.StaffSpokeLast);
        Assert.Equal(1, ticket.PublicMessageCount);
        Assert.Equal(TicketLifecycle.CustomerAnswered, TicketLifecycle.ToCustomer(ticket.Status, ticket.StaffSpokeLast));

        ticket.Reply("Teşekkürler.", Customer, Now.AddMinutes(5));
        Assert.False(ticket.StaffSpokeLast);
        Assert.Equal(TicketLifecycle.CustomerOpen, TicketLifecycle.ToCustomer(ticket.Status, ticket.StaffSpokeLast));
    }

    [Fact]
    public void StaffCannotAnswerAClosedTicket()
    {
        var ticket = NewTicket();
        ticket.ChangeStatus(TicketStatus.Closed, Actor.Staff(Agent), Now);
        var ex = Assert.Throws<TicketRuleException>(() => ticket.Reply("Merhaba", Actor.Staff(Agent), Now));
        Assert.Contains("yeniden açın", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ticket.Messages);
    }

    [Fact]
    public void CustomerAnswerReopensAResolvedTicket()
    {
        var ticket = NewTicket();
        ticket.ChangeStatus(TicketStatus.Resolved, Actor.Staff(Agent), Now);
        ticket.ForgetEvents();
        ticket.Reply("Sorun devam ediyor.", Customer, Now.AddHours(1));
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal([TicketEvent.CommentAdded, TicketEvent.StatusChanged, TicketEvent.Reopened], ticket.EventTypes());
    }

    [Fact]
    public void InternalNoteIsStaffOnlyAndRaisesNoEvent()
    {
        var ticket = NewTicket();
        ticket.ForgetEvents();
        var note = ticket.AddNote("Müşteri VIP.", Actor.Staff(Agent), Now);
        Assert.Equal(MessageKind.InternalNote, note.Kind);
        Assert.Equal(0, ticket.PublicMessageCount);
        Assert.Empty(ticket.PendingEvents);
        Assert.Throws<TicketRuleException>(() => ticket.AddNote("x", Customer, Now));
    }

    [Fact]
    public void RefusesEmptyMessage() =>
        Assert.Throws<TicketRuleException>(() => NewTicket().Reply("  ", Actor.Staff(Agent), Now));
}

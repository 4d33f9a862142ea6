using Destek.Core.Tickets;
using Destek.Tests.Domain;
using static Destek.Tests.Domain.TicketTestData;

namespace Destek.Tests.Merge;

/// <summary>Ticket.SplitOff: a public message becomes a new ticket of the same requester, pointing back.</summary>
public sealed class TicketSplitOff
{
    private static readonly Actor Staff = Actor.Staff(Agent);

    [Fact]
    public void OpensATicketOfTheSameRequesterFromThePublicMessage()
    {
        var ticket = TicketMergeInto.Saved(5, "SUP-5", customerId: 9);
        ticket.ChangePriority(TicketPriority.High, Staff, Now);
        var message = ticket.Reply("Ayrıca şifremi de sıfırlayamıyorum.", Customer, Now.AddHours(1));

        var split = ticket.SplitOff(message.Id, "Şifre sıfırlama", Staff, Now.AddHours(2));

        Assert.Equal(("Şifre sıfırlama", "Ayrıca şifremi de sıfırlayamıyorum."), (split.Title, split.Description));
        Assert.Equal(("Ahmet Yılmaz", "ahmet@firma.com", (int?)9), (split.RequesterName, split.RequesterEmail, split.CustomerId));
        Assert.Equal((1, TicketPriority.High, TicketStatus.Open), (split.DepartmentId, split.Priority, split.Status));
        Assert.Equal(5, split.SplitFromTicketId);
        Assert.Contains(ticket.Messages, m => m.Body == "Ayrıca şifremi de sıfırlayamıyorum.");
        Assert.Contains(split.History, h => h.Field == HistoryField.Split && h.OldValue == "SUP-5");
        Assert.Contains(ticket.History, h => h.Field == HistoryField.Split && h.NewValue == "Şifre sıfırlama");
        Assert.Equal([TicketEvent.Created], split.EventTypes().ToArray());
    }

    [Fact]
    public void WithoutATitleTheNewTicketIsNamedAfterTheOriginal()
    {
        var ticket = TicketMergeInto.Saved(5, "SUP-5");
        var message = ticket.Reply("Bir şey daha", Customer, Now);

        Assert.Equal("Fatura yazdırılamıyor (ayrılan)", ticket.SplitOff(message.Id, "  ", Staff, Now).Title);
    }

    [Fact]
    public void RefusesInternalNotesUnknownMessagesAndCustomers()
    {
        var ticket = TicketMergeInto.Saved(5, "SUP-5");
        var note = ticket.AddNote("Gizli not", Staff, Now);
        typeof(TicketMessage).GetProperty(nameof(TicketMessage.Id))!.SetValue(note, 41);

        Assert.Equal("İç notlar yeni talebe ayrılamaz.", Assert.Throws<TicketRuleException>(() => ticket.SplitOff(41, "x", Staff, Now)).Message);
        Assert.Equal("Mesaj bu talepte bulunamadı.", Assert.Throws<TicketRuleException>(() => ticket.SplitOff(99, "x", Staff, Now)).Message);
        Assert.Throws<TicketRuleException>(() => ticket.SplitOff(41, "x", Customer, Now));
    }
}

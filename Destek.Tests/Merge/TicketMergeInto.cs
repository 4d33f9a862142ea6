using Destek.Core.Tickets;
using Destek.Tests.Domain;
using static Destek.Tests.Domain.TicketTestData;

namespace Destek.Tests.Merge;

/// <summary>Ticket.MergeInto: the guards, and everything the merged ticket held ending up on the survivor.</summary>
public sealed class TicketMergeInto
{
    private static readonly Actor Staff = Actor.Staff(Agent);

    internal static Ticket Saved(int id, string number, string email = "ahmet@firma.com", int? customerId = null, string title = "Fatura yazdırılamıyor")
    {
        var ticket = Ticket.Open(new NewTicket
        {
            Title = title,
            Description = $"{title} — açıklama",
            DepartmentId = 1,
            Source = TicketSource.WebForm,
            RequesterName = "Ahmet Yılmaz",
            RequesterEmail = email,
            CustomerId = customerId,
        }, Customer, Now);
        typeof(Ticket).GetProperty(nameof(Ticket.Id))!.SetValue(ticket, id);
        typeof(Ticket).GetProperty(nameof(Ticket.Number))!.SetValue(ticket, number);
        ticket.ForgetEvents();
        return ticket;
    }

    [Fact]
    public void RefusesTicketsOfAnotherRequester()
    {
        var merged = Saved(1, "SUP-1");
        var survivor = Saved(2, "SUP-2", email: "baska@firma.com");

        var ex = Assert.Throws<TicketRuleException>(() => merged.MergeInto(survivor, Staff, Now));

        Assert.Equal("Yalnızca aynı müşterinin talepleri birleştirilebilir.", ex.Message);
        Assert.Null(merged.MergedIntoTicketId);
        Assert.Empty(merged.PendingEvents);
    }

    [Fact]
    public void TheCustomerAccountDecidesBeforeTheAddress()
    {
        Assert.False(Saved(1, "SUP-1", customerId: 7).SameRequesterAs(Saved(2, "SUP-2", customerId: 8)));
        Assert.True(Saved(1, "SUP-1", customerId: 7).SameRequesterAs(Saved(2, "SUP-2", email: "AHMET@firma.com", customerId: 7)));
        Assert.True(Saved(1, "SUP-1").SameRequesterAs(Saved(2, "SUP-2", email: "Ahmet@Firma.com")));
    }

    [Fact]
    public void RefusesItselfAClosedSurvivorAnAlreadyMergedTicketAndCustomers()
    {
        var ticket = Saved(1, "SUP-1");
        Assert.Equal("Bir talep kendisiyle birleştirilemez.", Assert.Throws<TicketRuleException>(() => ticket.MergeInto(ticket, Staff, Now)).Message);

        var closed = Saved(2, "SUP-2");
        closed.ChangeStatus(TicketStatus.Closed, Staff, Now);
        Assert.Contains("kapatılmış", Assert.Throws<TicketRuleException>(() => ticket.MergeInto(closed, Staff, Now)).Message, StringComparison.Ordinal);

        Assert.Equal("Talepleri yalnızca personel birleştirebilir.", Assert.Throws<TicketRuleException>(() => ticket.MergeInto(Saved(3, "SUP-3"), Customer, Now)).Message);

        ticket.MergeInto(Saved(4, "SUP-4"), Staff, Now);
        Assert.Contains("zaten", Assert.Throws<TicketRuleException>(() => ticket.MergeInto(Saved(5, "SUP-5"), Staff, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("birleştirilmiş", Assert.Throws<TicketRuleException>(() => Saved(6, "SUP-6").MergeInto(ticket, Staff, Now)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MovesTextMessagesFilesAndHistoryThenClosesAndPointsToTheSurvivor()
    {
        var merged = Saved(1, "SUP-1", title: "Kargo gecikti");
        var survivor = Saved(2, "SUP-2");
        merged.Reply("Kargo hâlâ gelmedi.", Customer, Now.AddHours(1));
        merged.AddNote("Kargo firmasını arayalım.", Staff, Now.AddHours(2));
        merged.Attach(new StoredFile("irsaliye.pdf", "application/pdf", 10, "a/irsaliye.pdf"), null, Customer, Now);
        merged.ChangePriority(TicketPriority.High, Staff, Now.AddHours(3));
        survivor.Reply("Faturayı yeniden gönderdik.", Staff, Now.AddHours(4));

        merged.MergeInto(survivor, Staff, Now.AddHours(5));

        Assert.Empty(merged.Messages);
        Assert.Empty(merged.Attachments);
        Assert.Equal((TicketStatus.Closed, 2), (merged.Status, merged.MergedIntoTicketId));
        Assert.Equal(0, merged.PublicMessageCount);

        Assert.Equal(
            ["[SUP-1 — Kargo gecikti]\n\nKargo gecikti — açıklama", "Kargo hâlâ gelmedi.", "Kargo firmasını arayalım.", "Faturayı yeniden gönderdik."],
            survivor.Messages.OrderBy(m => m.CreatedAt).Select(m => m.Body).ToArray());
        Assert.All(survivor.Messages, m => Assert.Same(survivor, m.Ticket));
        var file = Assert.Single(survivor.Attachments);
        Assert.Equal("[SUP-1 — Kargo gecikti]\n\nKargo gecikti — açıklama", file.Message!.Body);
        Assert.Equal(1, survivor.AttachmentCount);
        Assert.Equal(3, survivor.PublicMessageCount);
        Assert.True(survivor.StaffSpokeLast);

        // The merged ticket's priority line moved; both tickets record the merge itself.
        Assert.Contains(survivor.History, h => h.Field == HistoryField.Priority && h.NewValue == "Yüksek");
        Assert.Contains(survivor.History, h => h.Field == HistoryField.Merge && (h.OldValue, h.NewValue) == ("SUP-1", "SUP-2"));
        Assert.Contains(merged.History, h => h.Field == HistoryField.Merge && (h.OldValue, h.NewValue) == ("SUP-1", "SUP-2"));
        Assert.Contains(merged.History, h => h.Field == HistoryField.Status && h.NewValue == "Kapatıldı");
    }

    [Fact]
    public void AnnouncesTheMergeOnBothTickets()
    {
        var merged = Saved(1, "SUP-1");
        var survivor = Saved(2, "SUP-2");

        merged.MergeInto(survivor, Staff, Now);

        Assert.Equal([TicketEvent.StatusChanged, TicketEvent.Closed, TicketEvent.Merged], merged.EventTypes().ToArray());
        Assert.Equal([TicketEvent.Merged], survivor.EventTypes().ToArray());
        var changes = merged.PendingEvents.Last().Changes;
        Assert.Equal((object?)2, changes["surviving_ticket_id"]);
        Assert.Equal("SUP-2", changes["surviving_ticket_number"]);
        Assert.Equal((object?)1, survivor.PendingEvents.Single().Changes["merged_ticket_id"]);
    }

    [Fact]
    public void AMergedTicketStaysClosed()
    {
        var merged = Saved(1, "SUP-1");
        merged.MergeInto(Saved(2, "SUP-2"), Staff, Now);

        var ex = Assert.Throws<TicketRuleException>(() => merged.ChangeStatus(TicketStatus.Open, Staff, Now));

        Assert.Contains("birleştirildi", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Closed, merged.Status);
    }
}

using Destek.Core.Tickets;
using Destek.Tests.Merge;
using static Destek.Tests.Domain.TicketTestData;

namespace Destek.Tests.Domain;

/// <summary>Ticket.FirstRespondedAt: the first public answer by staff, which the panel's first-response figures read.</summary>
public sealed class TicketFirstResponse
{
    [Fact]
    public void IsTheFirstStaffAnswerEvenWhenTheCustomerAnsweredInTheSameSave()
    {
        var ticket = TicketMergeInto.Saved(1, "SUP-1");
        ticket.AddNote("İç not", Actor.Staff(Agent), Now.AddMinutes(5));
        ticket.Reply("Müşteri ekledi", Customer, Now.AddMinutes(10));
        Assert.Null(ticket.FirstRespondedAt);

        ticket.Reply("İlk yanıtımız", Actor.Staff(Agent), Now.AddMinutes(30));
        ticket.Reply("Teşekkürler", Customer, Now.AddMinutes(40));
        ticket.Reply("İkinci yanıtımız", Actor.Staff(Agent), Now.AddMinutes(50));

        Assert.Equal(Now.AddMinutes(30), ticket.FirstRespondedAt);
    }

    [Fact]
    public void AMergedTicketsEarlierStaffAnswerBecomesTheSurvivors()
    {
        var merged = TicketMergeInto.Saved(1, "SUP-1");
        var survivor = TicketMergeInto.Saved(2, "SUP-2");
        merged.Reply("Önceki yanıt", Actor.Staff(Agent), Now.AddMinutes(20));
        survivor.Reply("Sonraki yanıt", Actor.Staff(Agent), Now.AddMinutes(45));

        merged.MergeInto(survivor, Actor.Staff(Agent), Now.AddHours(1));

        Assert.Equal(Now.AddMinutes(20), survivor.FirstRespondedAt);
    }
}

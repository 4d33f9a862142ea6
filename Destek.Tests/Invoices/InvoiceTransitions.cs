using System.Text.Json;
using Destek.Core.Invoices;
using static Destek.Tests.Invoices.InvoiceTestData;

namespace Destek.Tests.Invoices;

public sealed class InvoiceTransitions
{
    [Fact]
    public void ANewInvoiceIsADraftThatRaisesCreatedAndLogsIt()
    {
        var invoice = NewSale();

        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Equal([InvoiceDomainEvent.Created], invoice.EventTypes());
        var logged = Assert.Single(invoice.Events);
        Assert.Equal((InvoiceEvent.Created, Now), (logged.Type, logged.CreatedAt));
        Assert.NotEqual(Guid.Empty, invoice.Ettn);
        Assert.Equal((Now, Now), (invoice.CreatedAt, invoice.UpdatedAt));
    }

    [Theory]
    [InlineData(InvoiceType.Return, InvoiceDomainEvent.ReturnCreated)]
    [InlineData(InvoiceType.CreditNote, InvoiceDomainEvent.CreditNoteCreated)]
    public void ReturnsAndCreditNotesAlsoRaiseTheirOwnEvent(InvoiceType type, string raised)
    {
        var invoice = Invoice.Create(Sale(1, Item(1, 10m, 20m)) with { Type = type }, Now);
        Assert.Equal([InvoiceDomainEvent.Created, raised], invoice.EventTypes());
    }

    [Fact]
    public void TheHappyPathStampsTimesAndRaisesEachEvent()
    {
        var invoice = NewSale();
        invoice.Queue(Now.AddMinutes(1));
        invoice.Issue(Now.AddMinutes(2));
        invoice.MarkSent(Now.AddMinutes(3));
        invoice.Accept(Now.AddMinutes(4));

        Assert.Equal(InvoiceStatus.Accepted, invoice.Status);
        Assert.Equal(Now.AddMinutes(2), invoice.IssuedAt);
        Assert.Equal(Now.AddMinutes(4), invoice.UpdatedAt);
        Assert.Equal(
            [InvoiceDomainEvent.Created, InvoiceDomainEvent.StatusChanged, InvoiceDomainEvent.Issued, InvoiceDomainEvent.Sent, InvoiceDomainEvent.StatusChanged],
            invoice.EventTypes());
        var moves = invoice.Events.Where(e => e.Type == InvoiceEvent.StatusChanged)
            .Select(e => JsonDocument.Parse(e.Payload).RootElement)
            .Select(p => $"{p.GetProperty("from").GetString()}>{p.GetProperty("to").GetString()}");
        Assert.Equal(["draft>queued", "queued>issued", "issued>sent", "sent>accepted"], moves);
    }

    [Fact]
    public void CancellingKeepsTheIssueTimeAndIsFinal()
    {
        var invoice = NewSale();
        invoice.Issue(Now);
        invoice.Cancel("Sipariş iptal", Now.AddHours(1));

        Assert.Equal((InvoiceStatus.Cancelled, Now, Now.AddHours(1)), (invoice.Status, invoice.IssuedAt, invoice.CancelledAt));
        Assert.True(invoice.HasBeenIssued);
        Assert.Equal(InvoiceDomainEvent.Cancelled, invoice.EventTypes()[^1]);
        Assert.Equal("Sipariş iptal", JsonDocument.Parse(invoice.Events[^1].Payload).RootElement.GetProperty("reason").GetString());
        foreach (var status in Enum.GetValues<InvoiceStatus>())
        {
            Assert.False(invoice.CanMoveTo(status));
        }

        var error = Assert.Throws<InvoiceRuleException>(() => invoice.Issue(Now.AddHours(2)));
        Assert.Equal("İptal edildi durumundaki fatura düzenlendi durumuna geçemez.", error.Message);
    }

    [Theory]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Sent)]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Accepted)]
    [InlineData(InvoiceStatus.Queued, InvoiceStatus.Sent)]
    [InlineData(InvoiceStatus.Queued, InvoiceStatus.Draft)]
    [InlineData(InvoiceStatus.Issued, InvoiceStatus.Queued)]
    [InlineData(InvoiceStatus.Sent, InvoiceStatus.Issued)]
    [InlineData(InvoiceStatus.Accepted, InvoiceStatus.Rejected)]
    [InlineData(InvoiceStatus.Rejected, InvoiceStatus.Accepted)]
    public void RefusesMovesTheLifecycleDoesNotAllow(InvoiceStatus from, InvoiceStatus to)
    {
        var invoice = InStatus(from);
        var before = invoice.Events.Count;

        Assert.False(invoice.CanMoveTo(to));
        Assert.Throws<InvoiceRuleException>(() => Move(invoice, to));
        Assert.Equal(from, invoice.Status);
        Assert.Equal(before, invoice.Events.Count);
    }

    [Theory]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Queued)]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Issued)]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Cancelled)]
    [InlineData(InvoiceStatus.Queued, InvoiceStatus.Issued)]
    [InlineData(InvoiceStatus.Issued, InvoiceStatus.Accepted)]
    [InlineData(InvoiceStatus.Issued, InvoiceStatus.Rejected)]
    [InlineData(InvoiceStatus.Sent, InvoiceStatus.Rejected)]
    [InlineData(InvoiceStatus.Accepted, InvoiceStatus.Cancelled)]
    [InlineData(InvoiceStatus.Rejected, InvoiceStatus.Cancelled)]
    public void AllowsTheLifecyclesMoves(InvoiceStatus from, InvoiceStatus to)
    {
        var invoice = InStatus(from);
        Move(invoice, to);
        Assert.Equal(to, invoice.Status);
    }

    internal static Invoice InStatus(InvoiceStatus status)
    {
        var invoice = NewSale();
        var path = status switch
        {
            InvoiceStatus.Draft => [],
            InvoiceStatus.Queued => [InvoiceStatus.Queued],
            InvoiceStatus.Issued => [InvoiceStatus.Issued],
            InvoiceStatus.Sent => [InvoiceStatus.Issued, InvoiceStatus.Sent],
            InvoiceStatus.Accepted => [InvoiceStatus.Issued, InvoiceStatus.Accepted],
            InvoiceStatus.Rejected => [InvoiceStatus.Issued, InvoiceStatus.Rejected],
            _ => new[] { InvoiceStatus.Cancelled },
        };
        foreach (var step in path)
        {
            Move(invoice, step);
        }

        return invoice;
    }

    private static void Move(Invoice invoice, InvoiceStatus to)
    {
        switch (to)
        {
            case InvoiceStatus.Queued: invoice.Queue(Now); break;
            case InvoiceStatus.Issued: invoice.Issue(Now); break;
            case InvoiceStatus.Sent: invoice.MarkSent(Now); break;
            case InvoiceStatus.Accepted: invoice.Accept(Now); break;
            case InvoiceStatus.Rejected: invoice.Reject(null, Now); break;
            case InvoiceStatus.Cancelled: invoice.Cancel(null, Now); break;
            default: throw new InvoiceRuleException("Taslağa dönülemez.");
        }
    }
}

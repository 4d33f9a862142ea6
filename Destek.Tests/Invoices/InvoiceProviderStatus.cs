using System.Text.Json;
using Destek.Core.Invoices;
using static Destek.Tests.Invoices.InvoiceTestData;

namespace Destek.Tests.Invoices;

public sealed class InvoiceProviderStatus
{
    [Fact]
    public void RecordsTheStatusAndIdAndLogsTheDocumentsPayload()
    {
        var invoice = InvoiceTransitions.InStatus(InvoiceStatus.Sent);
        using var raw = JsonDocument.Parse("""{"provider_message":"OK","codes":[1,2]}""");
        var raised = invoice.PendingEvents.Count;

        var moved = invoice.ApplyProviderStatus("processing", "PRV-999", raw.RootElement, Now.AddMinutes(9));

        Assert.False(moved);
        Assert.Equal((InvoiceStatus.Sent, "processing", "PRV-999"), (invoice.Status, invoice.ProviderStatus, invoice.ProviderInvoiceId));
        Assert.Equal(Now.AddMinutes(9), invoice.UpdatedAt);
        var logged = invoice.Events[^1];
        Assert.Equal((InvoiceEvent.ProviderStatusUpdated, Now.AddMinutes(9)), (logged.Type, logged.CreatedAt));
        var payload = JsonDocument.Parse(logged.Payload).RootElement;
        Assert.Equal("processing", payload.GetProperty("provider_status").GetString());
        Assert.Equal("PRV-999", payload.GetProperty("provider_invoice_id").GetString());
        Assert.Equal("OK", payload.GetProperty("raw").GetProperty("provider_message").GetString());
        Assert.Equal(2, payload.GetProperty("raw").GetProperty("codes").GetArrayLength());
        Assert.Equal(raised, invoice.PendingEvents.Count);
    }

    [Theory]
    [InlineData("accepted", InvoiceStatus.Accepted, InvoiceDomainEvent.StatusChanged)]
    [InlineData("rejected", InvoiceStatus.Rejected, InvoiceDomainEvent.StatusChanged)]
    [InlineData("cancelled", InvoiceStatus.Cancelled, InvoiceDomainEvent.Cancelled)]
    [InlineData("ACCEPTED", InvoiceStatus.Accepted, InvoiceDomainEvent.StatusChanged)]
    public void AFinalProviderStatusMovesTheInvoiceAndRaisesItsEvent(string providerStatus, InvoiceStatus expected, string raised)
    {
        var invoice = InvoiceTransitions.InStatus(InvoiceStatus.Issued);
        var before = invoice.PendingEvents.Count;

        Assert.True(invoice.ApplyProviderStatus(providerStatus, null, null, Now));

        Assert.Equal(expected, invoice.Status);
        Assert.Equal([raised], invoice.EventTypes().Skip(before));
        Assert.Equal([InvoiceEvent.ProviderStatusUpdated, InvoiceEvent.StatusChanged], invoice.Events.TakeLast(2).Select(e => e.Type));
        Assert.True(JsonDocument.Parse(invoice.Events[^2].Payload).RootElement.GetProperty("raw").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void AMoveTheLifecycleRefusesIsRecordedButNotMade()
    {
        var draft = NewSale();
        Assert.False(draft.ApplyProviderStatus("accepted", "PRV-1", null, Now));
        Assert.Equal((InvoiceStatus.Draft, "accepted"), (draft.Status, draft.ProviderStatus));

        var cancelled = InvoiceTransitions.InStatus(InvoiceStatus.Cancelled);
        var events = cancelled.PendingEvents.Count;
        Assert.False(cancelled.ApplyProviderStatus("accepted", null, null, Now));
        Assert.Equal(InvoiceStatus.Cancelled, cancelled.Status);
        Assert.Equal(events, cancelled.PendingEvents.Count);
        Assert.Equal(InvoiceEvent.ProviderStatusUpdated, cancelled.Events[^1].Type);
    }

    [Fact]
    public void KeepsTheProviderIdWhenALaterCallOmitsIt()
    {
        var invoice = InvoiceTransitions.InStatus(InvoiceStatus.Sent);
        invoice.ApplyProviderStatus("queued", "PRV-7", null, Now);
        invoice.ApplyProviderStatus("accepted", null, null, Now);
        Assert.Equal(("accepted", "PRV-7", InvoiceStatus.Accepted), (invoice.ProviderStatus, invoice.ProviderInvoiceId, invoice.Status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAnEmptyStatus(string status) =>
        Assert.Throws<InvoiceRuleException>(() => NewSale().ApplyProviderStatus(status, null, null, Now));

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void RefusesRawThatIsNeitherObjectNorArray(string json)
    {
        using var raw = JsonDocument.Parse(json);
        var invoice = NewSale();
        Assert.Throws<InvoiceRuleException>(() => invoice.ApplyProviderStatus("accepted", null, raw.RootElement, Now));
        Assert.Null(invoice.ProviderStatus);
        Assert.Single(invoice.Events);
    }
}

namespace Destek.Core.Invoices;

/// <summary>
/// A row of an invoice's event log (table e_invoice_events): what happened, a JSON payload, when.
/// Written by the <see cref="Invoice"/> methods only.
/// </summary>
public sealed class InvoiceEvent
{
    public const string Created = "created";
    public const string StatusChanged = "status_changed";
    public const string ProviderStatusUpdated = "provider_status_updated";

    private InvoiceEvent()
    {
    }

    internal InvoiceEvent(string type, string payload, DateTime createdAt)
    {
        Type = type;
        Payload = payload;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public int InvoiceId { get; private set; }
    public string Type { get; private set; } = "";

    /// <summary>A JSON object, as stored; the API returns it parsed.</summary>
    public string Payload { get; private set; } = "{}";
    public DateTime CreatedAt { get; private set; }
}

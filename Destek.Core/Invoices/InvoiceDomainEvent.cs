namespace Destek.Core.Invoices;

/// <summary>
/// Something a subscriber may hear about (the e-invoice webhook events), raised by the
/// <see cref="Invoice"/> methods into <see cref="Invoice.PendingEvents"/> and meant to be handed to
/// handlers inside the save that persists the change, as ticket events are.
/// </summary>
public sealed record InvoiceDomainEvent(string Type, Invoice Invoice, DateTime OccurredAt)
{
    public const string Created = "einvoice.created";
    public const string Issued = "einvoice.issued";
    public const string Sent = "einvoice.sent";
    public const string StatusChanged = "einvoice.status_changed";
    public const string Cancelled = "einvoice.cancelled";
    public const string ReturnCreated = "einvoice.return_created";
    public const string CreditNoteCreated = "einvoice.credit_note_created";

    public static IReadOnlyList<string> All { get; } =
        [Created, Issued, Sent, StatusChanged, Cancelled, ReturnCreated, CreditNoteCreated];
}

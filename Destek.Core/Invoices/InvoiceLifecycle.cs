namespace Destek.Core.Invoices;

/// <summary>
/// The allowed status moves. draft → queued → issued → sent → accepted | rejected; an invoice may be
/// issued straight from draft, the provider may answer before "sent" is recorded, and anything not
/// yet cancelled may be cancelled. Cancelled is final. Only issuing leads past queued, so every
/// invoice that is issued or later went through <see cref="Invoice.Issue"/> (and has its PDF).
/// </summary>
public static class InvoiceLifecycle
{
    private static readonly Dictionary<InvoiceStatus, InvoiceStatus[]> Moves = new()
    {
        [InvoiceStatus.Draft] = [InvoiceStatus.Queued, InvoiceStatus.Issued, InvoiceStatus.Cancelled],
        [InvoiceStatus.Queued] = [InvoiceStatus.Issued, InvoiceStatus.Cancelled, InvoiceStatus.Failed],
        [InvoiceStatus.Issued] = [InvoiceStatus.Sent, InvoiceStatus.Accepted, InvoiceStatus.Rejected, InvoiceStatus.Cancelled],
        [InvoiceStatus.Sent] = [InvoiceStatus.Accepted, InvoiceStatus.Rejected, InvoiceStatus.Cancelled],
        [InvoiceStatus.Accepted] = [InvoiceStatus.Cancelled],
        [InvoiceStatus.Rejected] = [InvoiceStatus.Cancelled],
        [InvoiceStatus.Cancelled] = [],
        [InvoiceStatus.Failed] = [InvoiceStatus.Cancelled],
    };

    public static bool CanMove(InvoiceStatus from, InvoiceStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<InvoiceStatus> NextOf(InvoiceStatus from) => Moves[from];

    /// <summary>Issued, sent, accepted or rejected (a cancelled invoice may or may not have been issued: see <see cref="Invoice.IssuedAt"/>).</summary>
    public static bool IsIssuedOrLater(InvoiceStatus status) =>
        status is InvoiceStatus.Issued or InvoiceStatus.Sent or InvoiceStatus.Accepted or InvoiceStatus.Rejected;
}

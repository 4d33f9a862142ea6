using System.Globalization;

namespace Destek.Core.Invoices;

/// <summary>
/// The invoice object of the invoice platform (seed-001), the same in every answer and every event:
/// written snake_case (<see cref="Webhooks.EInvoicePayloads.Json"/>), times UTC with Z, the platform's
/// four statuses (queued, sent, failed, cancelled).
/// </summary>
public sealed record PlatformInvoice(
    string Id,
    string Status,
    string Number,
    bool Sandbox,
    string Currency,
    PlatformCustomer Customer,
    IReadOnlyList<PlatformItem> Items,
    PlatformTotals Totals,
    string? Marketplace,
    string? MarketplaceOrderNo,
    string? PdfUrl,
    string CreatedAt,
    string UpdatedAt,
    string? SentAt,
    string? CancelledAt)
{
    public static PlatformInvoice Of(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var id = invoice.Ettn.ToString("D");
        var status = StatusOf(invoice.Status);
        var tax = invoice.BuyerTaxId;
        return new PlatformInvoice(
            id,
            status,
            invoice.Number,
            invoice.IsSandbox,
            invoice.Currency,
            new PlatformCustomer(invoice.BuyerName, tax?.Length == 10 ? tax : null, tax?.Length == 11 ? tax : null, invoice.BuyerEmail, invoice.BuyerAddress),
            invoice.Items.OrderBy(i => i.LineNo).Select(i => new PlatformItem(
                i.Sku.Length == 0 ? null : i.Sku, i.Name, i.Quantity, i.UnitPrice, i.VatRate, i.DiscountAmount, i.Subtotal, i.VatAmount, i.LineTotal)).ToList(),
            new PlatformTotals(invoice.Subtotal, invoice.DiscountTotal, invoice.TaxTotal, invoice.GrandTotal),
            invoice.Marketplace is { } marketplace ? InvoiceCodes.ToCode(marketplace) : null,
            invoice.MarketplaceOrderNo,
            invoice.HasBeenIssued ? $"/v1/invoices/{id}/pdf" : null,
            Utc(invoice.CreatedAt),
            Utc(invoice.UpdatedAt),
            invoice.IssuedAt is { } issued ? Utc(issued) : null,
            invoice.CancelledAt is { } cancelled ? Utc(cancelled) : null);
    }

    public static string StatusOf(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft or InvoiceStatus.Queued => "queued",
        InvoiceStatus.Failed or InvoiceStatus.Rejected => "failed",
        InvoiceStatus.Cancelled => "cancelled",
        _ => "sent",
    };

    public static string Utc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

public sealed record PlatformCustomer(string Name, string? Vkn, string? Tckn, string? Email, string? Address);

public sealed record PlatformItem(
    string? Sku, string Name, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal DiscountAmount, decimal Subtotal, decimal VatAmount, decimal Total);

public sealed record PlatformTotals(decimal Subtotal, decimal DiscountTotal, decimal VatTotal, decimal GrandTotal);

using Destek.Core.Data;
using Destek.Core.Webhooks;

namespace Destek.Core.Invoices;

/// <summary>
/// Hands an invoice's raised events (<see cref="Invoice.PendingEvents"/>) to the e-invoice webhooks
/// on the context that is saving the change, so the outbox rows commit or roll back with it. Every
/// invoice write calls it before its SaveChanges (a new invoice after the insert: the body needs its id).
/// </summary>
public sealed class InvoiceWebhookRaiser(EInvoiceWebhooks? door = null)
{
    public static string AggregateKey(int invoiceId) => "invoice:" + invoiceId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds one row per event and interested endpoint, oldest event first; clears the events. Returns the rows added.</summary>
    public async Task<int> RaiseAsync(DestekDbContext db, Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.PendingEvents.Count == 0)
        {
            return 0;
        }

        if (invoice.Id == 0)
        {
            throw new InvalidOperationException("A new invoice is saved before its events are raised: the webhook body carries its id.");
        }

        var added = 0;
        if (door is not null)
        {
            // One snapshot for the save: the body says what the invoice is once the change commits.
            var data = InvoiceWebhookData.Of(invoice);
            foreach (var raised in invoice.PendingEvents)
            {
                added += await door.EnqueueAsync(db, invoice.CustomerOrganizationId, raised.Type, AggregateKey(invoice.Id), data, cancellationToken);
            }
        }

        invoice.ClearEvents();
        return added;
    }
}

/// <summary>seed-003's <c>data</c>: <c>{einvoice:{…}, user:{id}}</c>, written snake_case by the webhook engine.</summary>
public sealed record InvoiceWebhookData(InvoiceWebhookInvoice Einvoice, InvoiceWebhookUser User)
{
    public static InvoiceWebhookData Of(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceWebhookData(
            new InvoiceWebhookInvoice(
                invoice.Id,
                InvoiceCodes.ToCode(invoice.Status),
                InvoiceCodes.ToCode(invoice.Type),
                invoice.Number,
                invoice.IssuedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                new InvoiceWebhookTotals(Plain(invoice.Subtotal), Plain(invoice.TaxTotal), Plain(invoice.DiscountTotal), Plain(invoice.GrandTotal), invoice.Currency),
                invoice.Marketplace is { } marketplace ? InvoiceCodes.ToCode(marketplace) : null,
                invoice.MarketplaceOrderNo,
                invoice.Provider,
                invoice.ProviderStatus),
            new InvoiceWebhookUser(invoice.UserId));
    }

    /// <summary>The document's example writes 100 and 20, not 100.00: trailing zeros of the stored scale are dropped.</summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;
}

public sealed record InvoiceWebhookInvoice(
    int Id, string Status, string Type, string InvoiceNo, string? IssuedAt, InvoiceWebhookTotals Totals,
    string? Marketplace, string? OrderNo, string Provider, string? ProviderStatus);

public sealed record InvoiceWebhookTotals(decimal Subtotal, decimal TaxTotal, decimal DiscountTotal, decimal GrandTotal, string Currency);

/// <summary>The account the invoice belongs to (who made it), null when not known.</summary>
public sealed record InvoiceWebhookUser(int? Id);

using Destek.Core.Invoices;

namespace Destek.Tests.Invoices;

internal static class InvoiceTestData
{
    public const string ValidVkn = "1234567890";
    public const string ValidTckn = "10000000146";

    public static readonly DateTime Now = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    public static NewInvoiceItem Item(decimal quantity, decimal unitPrice, decimal vatRate, decimal discount = 0m, string name = "Ürün") =>
        new("SKU-1", name, quantity, unitPrice, vatRate, discount);

    public static NewInvoice Sale(int organizationId, params NewInvoiceItem[] items) =>
        new(organizationId, InvoiceType.Sale, Marketplace.Trendyol, "TY-ORDER-001", "Acme Ltd.", "billing@acme.test", "+905300000000", ValidVkn, items);

    public static Invoice NewSale(params NewInvoiceItem[] items) =>
        Invoice.Create(Sale(1, items.Length == 0 ? [Item(1, 100m, 20m)] : items), Now);

    public static List<string> EventTypes(this Invoice invoice) => [.. invoice.PendingEvents.Select(e => e.Type)];
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Destek.Core.Invoices;
using Destek.Core.Tickets;

namespace Destek.App.EInvoiceApi;

/// <summary>
/// The document's JSON, field for field and in its order. Money and quantities are written as the
/// document writes them (<c>100.0</c>, <c>19.99</c>): JSON numbers with at least one decimal.
/// Times are UTC with a Z and whole seconds.
/// </summary>
public static class EInvoiceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new DocumentDecimal() },
    };

    public static EInvoiceListItem Row(InvoiceRow row, string pdfUrl)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new EInvoiceListItem(
            row.Id, row.Number, InvoiceCodes.ToCode(row.Status), InvoiceCodes.ToCode(row.Type), ExternalFormat.Timestamp(row.IssuedAt),
            row.Marketplace is { } m ? InvoiceCodes.ToCode(m) : null, row.MarketplaceOrderNo,
            new EInvoiceBuyer(row.BuyerName, row.BuyerEmail, row.BuyerPhone),
            new EInvoiceTotals(row.Subtotal, row.TaxTotal, row.DiscountTotal, row.GrandTotal, row.Currency),
            pdfUrl, ExternalFormat.Timestamp(row.UpdatedAt));
    }

    public static EInvoiceDetail Detail(InvoiceDetail detail, string pdfUrl)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var row = Row(detail.Invoice, pdfUrl);
        return new EInvoiceDetail(
            row.Id, row.InvoiceNo, row.Status, row.Type, row.IssuedAt, row.Marketplace, row.MarketplaceOrderNo, row.Buyer, row.Totals, row.PdfUrl, row.UpdatedAt,
            detail.Items?.Select(i => new EInvoiceItem(i.Id, i.Sku, i.Name, i.Quantity, i.UnitPrice, i.VatRate, i.VatAmount, i.DiscountAmount, i.Total)).ToList(),
            detail.Events?.Select(e => new EInvoiceEvent(e.Id, e.Type, Payload(e.Payload), ExternalFormat.Timestamp(e.CreatedAt))).ToList());
    }

    private static JsonElement Payload(string stored)
    {
        try
        {
            using var document = JsonDocument.Parse(stored);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A payload is always written as JSON; should one ever be damaged, the invoice still reads.
            return JsonSerializer.SerializeToElement(new Dictionary<string, string>());
        }
    }

    /// <summary>A decimal as a JSON number with at least one decimal place and at most four.</summary>
    private sealed class DocumentDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.0###", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}

public sealed record EInvoiceBuyer(string Name, string? Email, string? Phone);

public sealed record EInvoiceTotals(decimal Subtotal, decimal TaxTotal, decimal DiscountTotal, decimal GrandTotal, string Currency);

public sealed record EInvoiceListItem(
    int Id, string InvoiceNo, string Status, string Type, string? IssuedAt, string? Marketplace, string? MarketplaceOrderNo,
    EInvoiceBuyer Buyer, EInvoiceTotals Totals, string PdfUrl, string UpdatedAt);

public sealed record EInvoiceItem(int Id, string Sku, string Name, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal VatAmount, decimal DiscountAmount, decimal Total);

public sealed record EInvoiceEvent(long Id, string Type, JsonElement Payload, string CreatedAt);

/// <summary>The detail: the list's fields, then items and events only when asked for (absent, not null, otherwise).</summary>
public sealed record EInvoiceDetail(
    int Id, string InvoiceNo, string Status, string Type, string? IssuedAt, string? Marketplace, string? MarketplaceOrderNo,
    EInvoiceBuyer Buyer, EInvoiceTotals Totals, string PdfUrl, string UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EInvoiceItem>? Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EInvoiceEvent>? Events);

public sealed record EInvoiceMeta(int CurrentPage, int PerPage, int Total, int LastPage);

public sealed record EInvoiceList(IReadOnlyList<EInvoiceListItem> Data, EInvoiceMeta Meta);

namespace Destek.Core.Invoices;

/// <summary>
/// One line of an invoice. Amounts are computed once, when the line is made, in decimal and rounded
/// half away from zero to 2 places: subtotal = quantity × unit price; VAT on (subtotal − discount);
/// total = subtotal − discount + VAT. The invoice's totals are the sums of these rounded amounts.
/// </summary>
public sealed class InvoiceItem
{
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 300;

    private InvoiceItem()
    {
    }

    public int Id { get; private set; }
    public int InvoiceId { get; private set; }

    /// <summary>1-based position on the invoice.</summary>
    public int LineNo { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }

    /// <summary>Percent, e.g. 20 for 20 %.</summary>
    public decimal VatRate { get; private set; }
    public decimal DiscountAmount { get; private set; }

    /// <summary>Quantity × unit price, rounded; before discount and VAT.</summary>
    public decimal Subtotal { get; private set; }
    public decimal VatAmount { get; private set; }

    /// <summary>Subtotal − discount + VAT.</summary>
    public decimal LineTotal { get; private set; }

    internal static InvoiceItem Create(int lineNo, NewInvoiceItem data)
    {
        var sku = (data.Sku ?? "").Trim();
        var name = (data.Name ?? "").Trim();
        if (name.Length == 0)
        {
            throw new InvoiceRuleException($"{lineNo}. satırın ürün adı boş olamaz.");
        }

        if (name.Length > NameMaxLength || sku.Length > SkuMaxLength)
        {
            throw new InvoiceRuleException($"{lineNo}. satırın ürün adı en fazla {NameMaxLength}, stok kodu en fazla {SkuMaxLength} karakter olabilir.");
        }

        if (data.Quantity <= 0)
        {
            throw new InvoiceRuleException($"{lineNo}. satırın miktarı sıfırdan büyük olmalı.");
        }

        if (data.UnitPrice < 0)
        {
            throw new InvoiceRuleException($"{lineNo}. satırın birim fiyatı negatif olamaz.");
        }

        if (data.VatRate is < 0 or > 100)
        {
            throw new InvoiceRuleException($"{lineNo}. satırın KDV oranı 0 ile 100 arasında olmalı.");
        }

        var subtotal = Money.Round(data.Quantity * data.UnitPrice);
        var discount = Money.Round(data.DiscountAmount);
        if (discount < 0 || discount > subtotal)
        {
            throw new InvoiceRuleException($"{lineNo}. satırın indirimi 0 ile satır tutarı arasında olmalı.");
        }

        var vat = Money.Round((subtotal - discount) * data.VatRate / 100m);
        return new InvoiceItem
        {
            LineNo = lineNo,
            Sku = sku,
            Name = name,
            Quantity = data.Quantity,
            UnitPrice = data.UnitPrice,
            VatRate = data.VatRate,
            DiscountAmount = discount,
            Subtotal = subtotal,
            VatAmount = vat,
            LineTotal = subtotal - discount + vat,
        };
    }
}

/// <summary>A line as the caller gives it; the amounts are computed by <see cref="InvoiceItem"/>.</summary>
public sealed record NewInvoiceItem(string Sku, string Name, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal DiscountAmount = 0m);

/// <summary>Money rounding of the invoice rules: 2 places, half away from zero (0.005 → 0.01, −0.005 → −0.01).</summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

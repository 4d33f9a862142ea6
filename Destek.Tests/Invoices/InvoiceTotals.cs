using System.Globalization;
using Destek.Core.Invoices;
using static Destek.Tests.Invoices.InvoiceTestData;

namespace Destek.Tests.Invoices;

public sealed class InvoiceTotals
{
    [Fact]
    public void TheDocumentsExampleLineGivesItsTotals()
    {
        var invoice = NewSale(Item(1, 100m, 20m));

        var line = Assert.Single(invoice.Items);
        Assert.Equal((100m, 20m, 0m, 120m), (line.Subtotal, line.VatAmount, line.DiscountAmount, line.LineTotal));
        Assert.Equal((100m, 20m, 0m, 120m), (invoice.Subtotal, invoice.TaxTotal, invoice.DiscountTotal, invoice.GrandTotal));
        Assert.Equal("TRY", invoice.Currency);
    }

    [Theory]
    [InlineData(3, "0.335", "0", "1.01", "0.00")] // 1.005 → 1.01, not banker's 1.00
    [InlineData(1, "0.125", "20", "0.13", "0.03")] // VAT 0.026 → 0.03
    [InlineData(1, "0.025", "20", "0.03", "0.01")] // subtotal 0.025 → 0.03; VAT 0.006 → 0.01
    [InlineData(1, "10.05", "10", "10.05", "1.01")] // VAT 1.005 → 1.01
    [InlineData(2, "2.675", "0", "5.35", "0.00")]
    public void EachLineIsRoundedHalfAwayFromZeroToTwoPlaces(int quantity, string unitPrice, string vatRate, string subtotal, string vat)
    {
        var line = Assert.Single(NewSale(Item(quantity, Dec(unitPrice), Dec(vatRate))).Items);

        Assert.Equal(Dec(subtotal), line.Subtotal);
        Assert.Equal(Dec(vat), line.VatAmount);
        Assert.Equal(line.Subtotal + line.VatAmount, line.LineTotal);
    }

    [Fact]
    public void MoneyRoundsNegativeHalvesAwayFromZeroToo()
    {
        Assert.Equal(-0.01m, Money.Round(-0.005m));
        Assert.Equal(0.01m, Money.Round(0.005m));
        Assert.Equal(2.68m, Money.Round(2.675m));
        Assert.Equal(2.67m, Money.Round(2.6749m));
    }

    [Fact]
    public void TotalsAreSumsOfRoundedLinesNotRoundedSums()
    {
        // Each line's VAT is 0.0335 → 0.03; the sum of the exact VATs (0.1005) would round to 0.10.
        var invoice = NewSale(Item(1, 0.335m, 10m), Item(1, 0.335m, 10m), Item(1, 0.335m, 10m));

        Assert.All(invoice.Items, i => Assert.Equal(0.03m, i.VatAmount));
        Assert.Equal(0.09m, invoice.TaxTotal);
        Assert.Equal(invoice.Items.Sum(i => i.Subtotal), invoice.Subtotal);
        Assert.Equal(invoice.Items.Sum(i => i.LineTotal), invoice.GrandTotal);
        Assert.Equal(invoice.Subtotal - invoice.DiscountTotal + invoice.TaxTotal, invoice.GrandTotal);
    }

    [Fact]
    public void DiscountComesOffBeforeVat()
    {
        var invoice = NewSale(Item(2, 50m, 20m, discount: 10m), Item(3, 33.333m, 10m, discount: 0.004m));

        var (first, second) = (invoice.Items[0], invoice.Items[1]);
        Assert.Equal((100m, 10m, 18m, 108m), (first.Subtotal, first.DiscountAmount, first.VatAmount, first.LineTotal));
        // 99.999 → 100.00; discount 0.004 → 0.00; VAT 10.00
        Assert.Equal((100m, 0m, 10m, 110m), (second.Subtotal, second.DiscountAmount, second.VatAmount, second.LineTotal));
        Assert.Equal((200m, 10m, 28m, 218m), (invoice.Subtotal, invoice.DiscountTotal, invoice.TaxTotal, invoice.GrandTotal));
    }

    [Theory]
    [InlineData(0, 10, 20, 0)]
    [InlineData(1, -1, 20, 0)]
    [InlineData(1, 10, 101, 0)]
    [InlineData(1, 10, -1, 0)]
    [InlineData(1, 10, 20, 11)]
    [InlineData(1, 10, 20, -1)]
    public void RefusesImpossibleLines(int quantity, int unitPrice, int vatRate, int discount)
    {
        var error = Assert.Throws<InvoiceRuleException>(() => NewSale(Item(quantity, unitPrice, vatRate, discount)));
        Assert.Contains("1. satır", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnInvoiceWithoutItems()
    {
        var error = Assert.Throws<InvoiceRuleException>(() => Invoice.Create(Sale(1) with { Items = [] }, Now));
        Assert.Equal("Faturada en az bir kalem olmalı.", error.Message);
    }

    private static decimal Dec(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}

using Destek.Core.Invoices;
using static Destek.Tests.Invoices.InvoiceTestData;

namespace Destek.Tests.Invoices;

/// <summary>Issuing renders the PDF; poppler's pdftotext (an external process) reads it back.</summary>
[Trait("Category", "Browser")]
public sealed class InvoicePdf(SmallInvoiceAppFactory factory) : IClassFixture<SmallInvoiceAppFactory>
{
    [Fact]
    public async Task CarriesTurkishTextNumberEttnAndTotals()
    {
        var organization = await factory.OrganizationAsync(InvoiceDemoSeeder.SecondOrganizationName);
        var draft = await factory.Invoices().CreateAsync(new NewInvoice(
            organization.Id,
            InvoiceType.Sale,
            Marketplace.Hepsiburada,
            "HB-ÇĞİ-42",
            "Gülşen Öztürk İğdeli",
            "gulsen@ornek.com.tr",
            "+90 532 111 22 33",
            ValidTckn,
            [
                new NewInvoiceItem("ÇAY-1", "Rize çayı ığdır şöleni", 2, 617.28m, 20m),
                new NewInvoiceItem("KTP-2", "Kitap: Üç İstanbul", 1, 100m, 10m, 10m),
            ]));

        var issued = await factory.Invoices().IssueAsync(draft.Id);

        Assert.NotNull(issued);
        Assert.True(factory.Pdfs().Exists(issued));
        var text = await InvoiceKit.PdfToTextAsync(factory.Pdfs().PathFor(issued));
        Assert.Contains("FATURA", text, StringComparison.Ordinal);
        Assert.Contains("Çınar Elektronik Ltd. Şti.", text, StringComparison.Ordinal); // seller
        Assert.Contains("VKN: 9876543217", text, StringComparison.Ordinal);
        Assert.Contains("Gülşen Öztürk İğdeli", text, StringComparison.Ordinal); // buyer
        Assert.Contains("TCKN: 10000000146", text, StringComparison.Ordinal);
        Assert.Contains("Rize çayı ığdır şöleni", text, StringComparison.Ordinal);
        Assert.Contains("Kitap: Üç İstanbul", text, StringComparison.Ordinal);
        Assert.Contains("HB-ÇĞİ-42", text, StringComparison.Ordinal);
        Assert.Contains(issued.Number, text, StringComparison.Ordinal);
        Assert.Contains(issued.Ettn.ToString("D"), text, StringComparison.Ordinal);
        // 2 × 617,28 = 1.234,56 + VAT 246,91 = 1.481,47; 100 − 10 + VAT 9,00 = 99,00; totals are the sums.
        Assert.Matches(@"ÇAY-1\s+Rize çayı ığdır şöleni\s+2\s+617,28\s+0,00\s+20\s+246,91\s+1\.481,47", text);
        Assert.Matches(@"KTP-2\s+Kitap: Üç İstanbul\s+1\s+100,00\s+10,00\s+10\s+9,00\s+99,00", text);
        Assert.Matches(@"Ara Toplam\s+1\.334,56 TRY", text);
        Assert.Matches(@"İndirim Toplamı\s+10,00 TRY", text);
        Assert.Matches(@"KDV Toplamı\s+255,91 TRY", text);
        Assert.Matches(@"Genel Toplam\s+1\.580,47 TRY", text);
        Assert.Equal((1334.56m, 10m, 255.91m, 1580.47m), (issued.Subtotal, issued.DiscountTotal, issued.TaxTotal, issued.GrandTotal));
        Assert.DoesNotContain("Sayfa", text, StringComparison.Ordinal);
        Assert.Equal(1, await InvoiceKit.PdfPageCountAsync(factory.Pdfs().PathFor(issued)));
    }

    [Fact]
    public async Task NumbersThePagesWhenTheItemsRunPastOne()
    {
        var organization = await factory.OrganizationAsync();
        var items = Enumerable.Range(1, 120).Select(i => new NewInvoiceItem($"SKU-{i:D3}", $"Ürün çeşidi {i:D3}", 1, 10m, 20m)).ToArray();
        var draft = await factory.Invoices().CreateAsync(Sale(organization.Id, items));

        var issued = await factory.Invoices().IssueAsync(draft.Id);

        var path = factory.Pdfs().PathFor(issued!);
        var pages = await InvoiceKit.PdfPageCountAsync(path);
        Assert.True(pages >= 3, $"120 rows should need at least 3 pages, got {pages}");
        var text = await InvoiceKit.PdfToTextAsync(path);
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"Sayfa {page} / {pages}", text, StringComparison.Ordinal);
        }

        // Every row once, in order, and the totals after the last one.
        var positions = Enumerable.Range(1, 120).Select(i => text.IndexOf($"Ürün çeşidi {i:D3}", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.True(text.IndexOf("Genel Toplam", StringComparison.Ordinal) > positions[^1]);
        Assert.Matches(@"Genel Toplam\s+1\.440,00 TRY", text);
    }
}

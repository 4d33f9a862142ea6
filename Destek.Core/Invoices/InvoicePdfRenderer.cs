using System.Globalization;
using Destek.Core.Customers;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Destek.Core.Invoices;

/// <summary>
/// Draws an invoice as an A4 PDF: title and invoice data (number, date, ETTN, marketplace and order),
/// the seller (the customer organization) and buyer blocks, the items with VAT per line, VAT per rate
/// and the totals. Rows are one line each (long names are shortened), so the pages are known before
/// drawing and every page of a multi-page invoice carries "Sayfa n / m". Amounts in Turkish format.
/// </summary>
public sealed class InvoicePdfRenderer
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 40;
    private const double ContentWidth = PageWidth - (2 * Margin);
    private const double RowHeight = 14;
    private const double FirstTableTop = 300;
    private const double NextTableTop = 70;
    private const double TableBottom = PageHeight - 60;
    private const double FooterY = PageHeight - 40;

    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
    private static readonly XPen Rule = new(XColor.FromArgb(160, 160, 160), 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(232, 236, 241));
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(80, 80, 80));

    private static readonly (string Title, double Width, bool Right)[] Columns =
    [
        ("#", 20, true),
        ("Stok Kodu", 65, false),
        ("Ürün / Hizmet", 150, false),
        ("Miktar", 40, true),
        ("Birim Fiyat", 55, true),
        ("İndirim", 45, true),
        ("KDV %", 32, true),
        ("KDV Tutarı", 50, true),
        ("Tutar", 58, true),
    ];

    public InvoicePdfRenderer()
    {
        InvoicePdfFonts.EnsureReady();
    }

    public static string Title(InvoiceType type) => type switch
    {
        InvoiceType.Return => "İADE FATURASI",
        InvoiceType.CreditNote => "ALACAK DEKONTU",
        _ => "FATURA",
    };

    /// <summary>Formats an amount as the PDF prints it: 1.234,56 (tr-TR, two places).</summary>
    public static string Amount(decimal value) => value.ToString("N2", Turkish);

    public byte[] Render(Invoice invoice, CustomerOrganization seller)
    {
        using var buffer = new MemoryStream(16 * 1024);
        Render(invoice, seller, buffer);
        return buffer.ToArray();
    }

    public void Render(Invoice invoice, CustomerOrganization seller, Stream output)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(output);
        var items = invoice.Items.OrderBy(i => i.LineNo).ToList();
        var rates = items.GroupBy(i => i.VatRate).OrderBy(g => g.Key).Select(g => (Rate: g.Key, Vat: g.Sum(i => i.VatAmount))).ToList();
        var totalsHeight = (rates.Count + 5) * RowHeight;
        var pages = Paginate(items.Count, totalsHeight);

        var canvas = new Canvas();
        using var document = new PdfDocument();
        document.Info.Title = $"{Title(invoice.Type)} {invoice.Number}";
        document.Info.Author = seller.Name;
        document.Info.Creator = "Destek";

        var next = 0;
        for (var page = 0; page < pages.Count; page++)
        {
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(PageWidth);
            pdfPage.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(pdfPage);
            double y;
            if (page == 0)
            {
                canvas.DrawHeading(gfx, invoice);
                canvas.DrawParties(gfx, invoice, seller);
                y = FirstTableTop;
            }
            else
            {
                gfx.DrawString($"{Title(invoice.Type)} {invoice.Number} — ETTN {invoice.Ettn:D}", canvas.Small, Muted, new XRect(Margin, Margin, ContentWidth, 12), XStringFormats.TopLeft);
                y = NextTableTop;
            }

            y = canvas.DrawTableHeader(gfx, y);
            for (var row = 0; row < pages[page]; row++, next++)
            {
                canvas.DrawRow(gfx, items[next], y);
                y += RowHeight;
            }

            gfx.DrawLine(Rule, Margin, y, Margin + ContentWidth, y);
            if (page == pages.Count - 1)
            {
                canvas.DrawTotals(gfx, invoice, rates, y + 8);
            }

            if (pages.Count > 1)
            {
                gfx.DrawString($"Sayfa {page + 1} / {pages.Count}", canvas.Small, Muted, new XRect(Margin, FooterY, ContentWidth, 12), XStringFormats.TopCenter);
            }
        }

        document.Save(output, false);
    }

    /// <summary>Rows per page; the last page also has room for the totals (a page of totals alone when needed).</summary>
    private static List<int> Paginate(int rows, double totalsHeight)
    {
        var pages = new List<int>();
        var top = FirstTableTop;
        var left = rows;
        while (true)
        {
            var capacity = (int)((TableBottom - top - RowHeight) / RowHeight);
            if (left * RowHeight <= TableBottom - top - RowHeight - totalsHeight)
            {
                pages.Add(left);
                return pages;
            }

            var take = Math.Min(left, capacity);
            pages.Add(take);
            left -= take;
            top = NextTableTop;
        }
    }

    /// <summary>The fonts of one rendering: XFont objects are not shared between threads.</summary>
    private sealed class Canvas
    {
        // Unicode (Identity-H) only: one embedded subset per face instead of a WinAnsi one beside it
        // for the ASCII text, which halves the font work of every PDF.
        public XFont TitleFont { get; } = new(InvoicePdfFonts.Family, 16, XFontStyleEx.Bold, XPdfFontOptions.UnicodeDefault);
        public XFont Bold { get; } = new(InvoicePdfFonts.Family, 9, XFontStyleEx.Bold, XPdfFontOptions.UnicodeDefault);
        public XFont Text { get; } = new(InvoicePdfFonts.Family, 9, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        public XFont Small { get; } = new(InvoicePdfFonts.Family, 7.5, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        public XFont SmallBold { get; } = new(InvoicePdfFonts.Family, 7.5, XFontStyleEx.Bold, XPdfFontOptions.UnicodeDefault);

        public void DrawHeading(XGraphics gfx, Invoice invoice)
        {
            gfx.DrawString(InvoicePdfRenderer.Title(invoice.Type), TitleFont, Ink, new XRect(Margin, Margin, ContentWidth / 2, 22), XStringFormats.TopLeft);
            gfx.DrawString("e-Fatura", Text, Muted, new XRect(Margin, Margin + 22, ContentWidth / 2, 12), XStringFormats.TopLeft);

            var issued = invoice.IssuedAt ?? invoice.CreatedAt;
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(issued, DateTimeKind.Utc), Istanbul);
            var facts = new List<(string Label, string Value)>
            {
                ("Fatura No", invoice.Number),
                ("Tarih", local.ToString("dd.MM.yyyy HH:mm", Turkish)),
                ("ETTN", invoice.Ettn.ToString("D")),
                ("Fatura Tipi", InvoiceCodes.Label(invoice.Type)),
                ("Para Birimi", invoice.Currency),
            };
            if (invoice.Marketplace is { } marketplace)
            {
                facts.Add(("Pazaryeri", InvoiceCodes.Label(marketplace)));
            }

            if (invoice.MarketplaceOrderNo is { } order)
            {
                facts.Add(("Sipariş No", order));
            }

            var x = Margin + (ContentWidth / 2) - 10;
            var y = Margin;
            foreach (var (label, value) in facts)
            {
                gfx.DrawString(label, Bold, Ink, new XRect(x, y, 70, 12), XStringFormats.TopLeft);
                gfx.DrawString(Fit(gfx, value, Text, ContentWidth / 2 - 60), Text, Ink, new XRect(x + 70, y, ContentWidth / 2 - 60, 12), XStringFormats.TopLeft);
                y += 13;
            }
        }

        public void DrawParties(XGraphics gfx, Invoice invoice, CustomerOrganization seller)
        {
            const double top = 170;
            var half = (ContentWidth - 20) / 2;
            DrawParty(gfx, "SATICI", Margin, top, half, seller.Name, [TaxLine(seller.TaxId)]);
            var buyerLines = new List<string>();
            if (invoice.BuyerTaxId is { } taxId)
            {
                buyerLines.Add(TaxLine(taxId));
            }

            if (invoice.BuyerEmail is { } email)
            {
                buyerLines.Add($"E-posta: {email}");
            }

            if (invoice.BuyerPhone is { } phone)
            {
                buyerLines.Add($"Telefon: {phone}");
            }

            DrawParty(gfx, "ALICI", Margin + half + 20, top, half, invoice.BuyerName, buyerLines);
        }

        public void DrawParty(XGraphics gfx, string heading, double x, double y, double width, string name, IReadOnlyList<string> lines)
        {
            gfx.DrawRectangle(Rule, x, y, width, 100);
            gfx.DrawString(heading, SmallBold, Muted, new XRect(x + 8, y + 6, width - 16, 10), XStringFormats.TopLeft);
            gfx.DrawString(Fit(gfx, name, Bold, width - 16), Bold, Ink, new XRect(x + 8, y + 20, width - 16, 12), XStringFormats.TopLeft);
            var lineY = y + 36;
            foreach (var line in lines)
            {
                gfx.DrawString(Fit(gfx, line, Text, width - 16), Text, Ink, new XRect(x + 8, lineY, width - 16, 12), XStringFormats.TopLeft);
                lineY += 13;
            }
        }

        public double DrawTableHeader(XGraphics gfx, double y)
        {
            gfx.DrawRectangle(HeaderFill, Margin, y, ContentWidth, RowHeight);
            var x = Margin;
            foreach (var (title, width, right) in Columns)
            {
                gfx.DrawString(title, SmallBold, Ink, new XRect(x + 2, y + 3, width - 4, RowHeight - 3), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += width;
            }

            return y + RowHeight;
        }

        public void DrawRow(XGraphics gfx, InvoiceItem item, double y)
        {
            Span<string> cells =
            [
                item.LineNo.ToString(CultureInfo.InvariantCulture),
                item.Sku,
                item.Name,
                item.Quantity.ToString("0.###", Turkish),
                Amount(item.UnitPrice),
                Amount(item.DiscountAmount),
                item.VatRate.ToString("0.##", Turkish),
                Amount(item.VatAmount),
                Amount(item.LineTotal),
            ];
            var x = Margin;
            for (var i = 0; i < Columns.Length; i++)
            {
                var (_, width, right) = Columns[i];
                gfx.DrawString(Fit(gfx, cells[i], Small, width - 4), Small, Ink, new XRect(x + 2, y + 3, width - 4, RowHeight - 3), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += width;
            }
        }

        public void DrawTotals(XGraphics gfx, Invoice invoice, List<(decimal Rate, decimal Vat)> rates, double y)
        {
            var lines = new List<(string Label, decimal Value, bool Strong)>
            {
                ("Ara Toplam", invoice.Subtotal, false),
                ("İndirim Toplamı", invoice.DiscountTotal, false),
            };
            lines.AddRange(rates.Select(r => ($"Hesaplanan KDV (%{r.Rate.ToString("0.##", Turkish)})", r.Vat, false)));
            lines.Add(("KDV Toplamı", invoice.TaxTotal, false));
            lines.Add(("Genel Toplam", invoice.GrandTotal, true));

            const double width = 240;
            var x = Margin + ContentWidth - width;
            foreach (var (label, value, strong) in lines)
            {
                var font = strong ? Bold : Text;
                gfx.DrawString(label, font, Ink, new XRect(x, y, 140, 12), XStringFormats.TopLeft);
                gfx.DrawString($"{Amount(value)} {invoice.Currency}", font, Ink, new XRect(x + 140, y, width - 140, 12), XStringFormats.TopRight);
                y += RowHeight;
            }
        }

        private static string TaxLine(string taxId) => taxId.Length == 10 ? $"VKN: {taxId}" : $"TCKN: {taxId}";

        /// <summary>Shortens text to the width with an ellipsis; short text is not measured at all.</summary>
        private static string Fit(XGraphics gfx, string text, XFont font, double width)
        {
            // DejaVu Sans letters, digits and punctuation are at most 1.1 em wide, so shorter text fits unmeasured.
            if (text.Length * font.Size * 1.1 <= width || gfx.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            // The longest prefix that fits with the ellipsis, by halving: a few measurements, not one per letter.
            var (fits, tooLong) = (0, text.Length);
            while (tooLong - fits > 1)
            {
                var middle = (fits + tooLong) / 2;
                if (gfx.MeasureString(string.Concat(text.AsSpan(0, middle), "…"), font).Width <= width)
                {
                    fits = middle;
                }
                else
                {
                    tooLong = middle;
                }
            }

            var length = Math.Max(fits, 1);
            return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
        }
    }
}

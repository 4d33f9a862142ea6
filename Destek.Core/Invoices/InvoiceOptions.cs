namespace Destek.Core.Invoices;

/// <summary>The "Destek:Invoices" configuration section.</summary>
public sealed class InvoiceOptions
{
    public const string Section = "Destek:Invoices";

    /// <summary>{yyyy} is replaced by the year the invoice is made; the counter restarts for each distinct prefix.</summary>
    public string NumberPrefix { get; set; } = "EA-{yyyy}-";
    public int NumberDigits { get; set; } = 6;

    /// <summary>PDFs live in this folder of the data directory.</summary>
    public string PdfFolder { get; set; } = "invoices";

    /// <summary>How many demo invoices the first run makes (Destek:Demo:Seed).</summary>
    public int DemoInvoiceCount { get; set; } = 300;
}

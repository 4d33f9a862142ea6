using System.Diagnostics;
using Destek.Core.Customers;
using Destek.Core.Invoices;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Invoices;

/// <summary>The app with a handful of demo invoices (the full few hundred are the demo test's business).</summary>
public class SmallInvoiceAppFactory : DestekAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:Invoices:DemoInvoiceCount"] = "12",
    };
}

/// <summary>Invoice numbers in another format: FTR2026/00000001.</summary>
public sealed class CustomNumberAppFactory : SmallInvoiceAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Destek:Invoices:NumberPrefix"] = "FTR{yyyy}/",
        ["Destek:Invoices:NumberDigits"] = "8",
    };
}

internal static class InvoiceKit
{
    public static Task<CustomerOrganization> OrganizationAsync(this DestekAppFactory factory, string name = InvoiceDemoSeeder.FirstOrganizationName) =>
        factory.WithDbAsync(db => db.CustomerOrganizations.AsNoTracking().SingleAsync(o => o.Name == name));

    public static InvoiceService Invoices(this DestekAppFactory factory) => factory.Services.GetRequiredService<InvoiceService>();

    public static InvoicePdfStore Pdfs(this DestekAppFactory factory) => factory.Services.GetRequiredService<InvoicePdfStore>();

    /// <summary>The text poppler's pdftotext reads out of a PDF (layout kept, UTF-8).</summary>
    public static async Task<string> PdfToTextAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {await errors}");
        return await output;
    }

    public static async Task<int> PdfPageCountAsync(string path)
    {
        var start = new ProcessStartInfo("pdfinfo", [path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdfinfo did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

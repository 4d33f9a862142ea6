using Microsoft.Extensions.Options;

namespace Destek.Core.Invoices;

/// <summary>
/// Invoice PDFs on the data directory's disk: {data}/invoices/{first two hex of the ETTN}/{ETTN}.pdf,
/// so the path follows from the invoice alone and no folder grows past a few thousand files.
/// </summary>
public sealed class InvoicePdfStore(DataDirectory data, IOptions<InvoiceOptions> options)
{
    public string PathFor(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return PathFor(invoice.Ettn);
    }

    public string PathFor(Guid ettn)
    {
        var name = ettn.ToString("D");
        return data.Combine(options.Value.PdfFolder, name[..2], name + ".pdf");
    }

    public bool Exists(Invoice invoice) => File.Exists(PathFor(invoice));

    /// <summary>The PDF for reading, or null when there is no file (never issued, or not rendered yet).</summary>
    public Stream? OpenRead(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return OpenRead(invoice.Ettn);
    }

    /// <inheritdoc cref="OpenRead(Invoice)"/>
    public Stream? OpenRead(Guid ettn)
    {
        try
        {
            return new FileStream(PathFor(ettn), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes beside the target and renames, so a reader never sees half a file.</summary>
    public async Task SaveAsync(Invoice invoice, byte[] pdf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var path = PathFor(invoice);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, pdf, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

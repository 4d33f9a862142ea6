using Destek.Core.SupportForm;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components.Forms;

namespace Destek.App.Portal;

/// <summary>
/// A file a customer picks in the portal, held by the support form's rules: one file, PDF/DOC/DOCX/JPG/JPEG/PNG,
/// at most 5 MB, content matching its extension. It is read once into memory (5 MB at most), because the
/// check and the save both read it and a browser file streams over the circuit only once.
/// </summary>
public static class PortalUpload
{
    public static string Hint => "İsteğe bağlı, tek dosya. PDF, DOC, DOCX, JPG, JPEG veya PNG; en fazla 5 MB.";

    /// <summary>The checked file, or the message to show beside the field.</summary>
    public static async Task<(IncomingFile? File, string? Error)> ReadAsync(IBrowserFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
        if (file.Size > SupportRequestValidator.AttachmentMaxBytes)
        {
            return (null, SupportRequestValidator.AttachmentTooLarge);
        }

        using var buffer = new MemoryStream((int)file.Size);
        await using (var stream = file.OpenReadStream(SupportRequestValidator.AttachmentMaxBytes, cancellationToken))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        var bytes = buffer.ToArray();
        var incoming = new IncomingFile(file.Name, contentType, bytes.Length, () => new MemoryStream(bytes, writable: false));
        var error = await SupportRequestValidator.CheckAttachmentAsync(incoming, cancellationToken);
        return error is null ? (incoming, null) : (null, error);
    }
}

namespace Destek.Core.Tickets;

/// <summary>An uploaded file on its way in: checked by the surface, written here before the ticket is saved.</summary>
public sealed record IncomingFile(string FileName, string ContentType, long Length, Func<Stream> OpenRead);

/// <summary>Attachment bytes live under data/attachments; their metadata in the database.</summary>
public sealed class AttachmentStore(DataDirectory dataDirectory, TimeProvider clock)
{
    private readonly string _root = dataDirectory.EnsureFolder("attachments");

    public async Task<StoredFile> SaveAsync(IncomingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = clock.GetUtcNow().UtcDateTime;
        var relative = Path.Combine(now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            now.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        long size;
        await using (var source = file.OpenRead())
        await using (var target = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await source.CopyToAsync(target, cancellationToken);
            size = target.Length;
        }

        return new StoredFile(SafeFileName(file.FileName), file.ContentType, size, relative.Replace('\\', '/'));
    }

    public Stream OpenRead(TicketAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var full = Path.GetFullPath(Path.Combine(_root, attachment.StoragePath));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Attachment path escapes the attachment folder.");
        }

        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    /// <summary>Removes files written for a save that then failed, so nothing is left half-done.</summary>
    public void Delete(IEnumerable<StoredFile> files)
    {
        foreach (var file in files)
        {
            File.Delete(Path.Combine(_root, file.StoragePath));
        }
    }

    public static string SafeFileName(string name)
    {
        var fileName = Path.GetFileName(name ?? "").Trim();
        foreach (var c in Path.GetInvalidFileNameChars())
        {
            fileName = fileName.Replace(c, '_');
        }

        return fileName.Length == 0 ? "dosya" : fileName.Length > 200 ? fileName[^200..] : fileName;
    }
}

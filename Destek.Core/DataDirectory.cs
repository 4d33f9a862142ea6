using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Destek.Core;

/// <summary>The absolute data directory: database, attachments, mail pickup, keys.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<DestekOptions> options, IHostEnvironment environment)
    {
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataDirectory));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public string EnsureFolder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}

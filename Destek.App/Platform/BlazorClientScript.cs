using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Destek.App.Platform;

/// <summary>
/// Serves /_framework/blazor.web.js. In .NET 10 the script ships in Microsoft.AspNetCore.App.Internal.Assets,
/// which our package mirror lacks (see STACK.md). The 9.0 runtime pack, which the mirror has, embeds the same
/// script in Microsoft.AspNetCore.Components.Endpoints.dll; the csproj copies that dll to the output and this
/// reads the resource out of it. Delete this file, the csproj's PackageDownload/None items and
/// RequiresAspNetWebAssets=false the day the official package is reachable.
/// </summary>
public static class BlazorClientScript
{
    private const string ResourceName = "_framework/blazor.web.js";
    private static readonly string SourceAssembly = Path.Combine(AppContext.BaseDirectory, "blazor-script-source", "Components.Endpoints.9.0.dll");

    public static IEndpointRouteBuilder MapBlazorClientScript(this IEndpointRouteBuilder endpoints)
    {
        var script = new Lazy<byte[]>(() => ReadEmbeddedResource(SourceAssembly, ResourceName));
        var etag = new Lazy<string>(() => "\"" + Convert.ToHexString(SHA256.HashData(script.Value))[..16] + "\"");
        endpoints.MapGet("/_framework/blazor.web.js", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000";
            context.Response.Headers.ETag = etag.Value;
            if (context.Request.Headers.IfNoneMatch == etag.Value)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(script.Value, "text/javascript");
        }).ExcludeFromDescription();
        return endpoints;
    }

    public static byte[] ReadEmbeddedResource(string assemblyPath, string resourceName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != resourceName)
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            block.Offset = (int)resource.Offset;
            var length = block.ReadInt32();
            return block.ReadBytes(length);
        }

        throw new InvalidOperationException($"{resourceName} not found in {assemblyPath}.");
    }
}

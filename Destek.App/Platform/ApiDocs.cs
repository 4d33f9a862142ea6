using System.Reflection;
using System.Security.Cryptography;
using Destek.App.Platform.OpenApi;
using Scalar.AspNetCore;

namespace Destek.App.Platform;

/// <summary>
/// The APIs' documentation: the OpenAPI documents at /openapi/{name}.json, Scalar's reference at /docs
/// (its bundled script, served by this app: no CDN, no fonts or telemetry from outside) and the APIs'
/// changelog at /docs/changelog, which every Deprecation answer links to.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/docs";
    public const string ChangelogPath = DeprecationNotice.ChangelogPath;

    /// <summary>The item Scalar reads to put a nonce on its one inline script (SecurityHeaders puts the same in the CSP).</summary>
    public const string NonceItem = "Scalar.Nonce";

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApiDocuments();
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi(OpenApiDocuments.RoutePattern);
        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("Destek API belgeleri")
                .DisableDefaultFonts()
                .DisableTelemetry();
            foreach (var surface in OpenApiSurfaces.All)
            {
                options.AddDocument(surface.Name, surface.Title);
            }
        });
        app.MapGet(ChangelogPath, () => Results.Text(Changelog.Value, "text/markdown; charset=utf-8"));
        return app;
    }

    /// <summary>A fresh nonce for a /docs page; null elsewhere.</summary>
    public static string? NonceFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(Path) || context.Request.Path.StartsWithSegments(ChangelogPath))
        {
            return null;
        }

        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    private static readonly Lazy<string> Changelog = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Destek.App.changelog.md")
            ?? throw new InvalidOperationException("docs/changelog.md is not embedded in Destek.App.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}

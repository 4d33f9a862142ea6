using System.Reflection;
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

    /// <summary>Where Scalar leaves the nonce it put on its one inline script (SecurityHeaders puts the same in the CSP).</summary>
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
            // A fresh nonce per page load, so the start-up script runs under the CSP without 'unsafe-inline'.
            options.DynamicNonce = true;
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

    private static readonly Lazy<string> Changelog = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Destek.App.changelog.md")
            ?? throw new InvalidOperationException("docs/changelog.md is not embedded in Destek.App.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}

using System.Globalization;

namespace Destek.App.Platform;

/// <summary>
/// A route (or one query parameter of it) marked deprecated in one place, with the date it was
/// deprecated, the date it stops working and where the change is explained.
/// </summary>
/// <param name="Parameter">Null when the whole route is deprecated; else the query parameter whose use is.</param>
public sealed record DeprecationNotice(DateTimeOffset Since, DateTimeOffset Sunset, string Link, string? Parameter = null, string? Replacement = null)
{
    /// <summary>The API changelog every notice links to unless it names another page.</summary>
    public const string ChangelogPath = "/docs/changelog";

    /// <summary>RFC 9745: a Structured Field date, "@" and Unix seconds.</summary>
    public string DeprecationHeader => "@" + Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 8594: an HTTP-date (IMF-fixdate).</summary>
    public string SunsetHeader => Sunset.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    public bool Applies(HttpRequest request) => Parameter is null || request.Query.ContainsKey(Parameter);
}

/// <summary>
/// Marking (<see cref="Deprecated{TBuilder}"/>, <see cref="DeprecatedQueryParameter{TBuilder}"/>) and the
/// headers every marked answer carries: <c>Deprecation</c>, <c>Sunset</c> and
/// <c>Link: &lt;…/docs/changelog&gt;; rel="deprecation"</c>, on errors too. The OpenAPI documents read the same
/// metadata (OpenApiDocuments), so the document and the headers cannot disagree.
/// </summary>
public static class Deprecation
{
    /// <summary>The whole route is deprecated.</summary>
    public static TBuilder Deprecated<TBuilder>(this TBuilder builder, DateTimeOffset since, DateTimeOffset sunset, string link = DeprecationNotice.ChangelogPath)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new DeprecationNotice(since, sunset, link));
    }

    /// <summary>Only requests that use query parameter <paramref name="name"/> (an old spelling of <paramref name="replacement"/>) are.</summary>
    public static TBuilder DeprecatedQueryParameter<TBuilder>(this TBuilder builder, string name, string replacement, DateTimeOffset since, DateTimeOffset sunset,
        string link = DeprecationNotice.ChangelogPath)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new DeprecationNotice(since, sunset, link, name, replacement));
    }

    /// <summary>
    /// Runs after routing chose the endpoint (WebApplication routes first), and writes the headers when
    /// the answer starts, whoever writes it: the endpoint, a surface's gate or the error shield.
    /// </summary>
    public static IApplicationBuilder UseDeprecationHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            var notice = context.GetEndpoint()?.Metadata.GetOrderedMetadata<DeprecationNotice>().FirstOrDefault(n => n.Applies(context.Request));
            if (notice is not null)
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers["Deprecation"] = notice.DeprecationHeader;
                    headers["Sunset"] = notice.SunsetHeader;
                    headers.Append("Link", $"<{AbsoluteLink(context.Request, notice.Link)}>; rel=\"deprecation\"; type=\"text/markdown\"");
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
    }

    private static string AbsoluteLink(HttpRequest request, string link) =>
        link.StartsWith('/') ? $"{request.Scheme}://{request.Host}{request.PathBase}{link}" : link;
}

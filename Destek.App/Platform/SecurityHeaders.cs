namespace Destek.App.Platform;

/// <summary>
/// Headers that tell the browser what this app's pages may do. The Content-Security-Policy allows
/// scripts from this origin only (blazor.web.js and the component library's file; the pages have no
/// inline script and must not get any), the Blazor Server circuit's WebSocket back to this origin
/// ('self' covers ws:/wss: on the same host in CSP Level 3), and no framing at all.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// style-src needs 'unsafe-inline': the component library and Blazor's own reconnect UI write style
    /// attributes and &lt;style&gt; elements at run time. Styles cannot run code, so this does not
    /// reopen what script-src closes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "same-origin";

    /// <summary>The policy of a /docs page: the same, plus the nonce of Scalar's inline start-up script.</summary>
    public static string DocsPolicy(string nonce) =>
        ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal);

    /// <summary>Runs after the forwarded headers so HSTS sees the scheme the visitor used.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHsts();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // /docs (Scalar) has one inline script, with the nonce Scalar chose for this answer; every other page keeps 'self' only.
                var policy = context.Items[ApiDocs.NonceItem] is string nonce ? DocsPolicy(nonce) : ContentSecurityPolicy;
                var response = context.Response;
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = policy;
                    headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}

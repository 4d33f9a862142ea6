using Destek.App.Platform;
using Microsoft.AspNetCore.Routing.Template;

namespace Destek.App.InvoicePlatform;

/// <summary>
/// Anything under /v1 no endpoint took, answered in the document's model: a path of an endpoint with
/// another method is 405 (with Allow), a path and method of an endpoint whose body was not JSON is 415
/// (routing's content-type check sent it here), anything else 404.
/// </summary>
public static class PlatformFallback
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoints);
        var path = context.Request.Path;
        var methods = new List<string>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } allowed
                || endpoint.RoutePattern.RawText is not { } raw || !raw.StartsWith("/v1/", StringComparison.Ordinal) || raw.Contains("**", StringComparison.Ordinal))
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(raw), new RouteValueDictionary());
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                methods.AddRange(allowed.HttpMethods);
            }
        }

        if (methods.Count == 0)
        {
            return PlatformProblem.NotFound();
        }

        if (methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return PlatformProblem.Other(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.InvalidRequest,
                "The request body must be sent as application/json.", "Content-Type");
        }

        var allow = string.Join(", ", methods.Distinct(StringComparer.OrdinalIgnoreCase));
        context.Response.Headers.Allow = allow;
        return PlatformProblem.Other(StatusCodes.Status405MethodNotAllowed, ApiErrorCodes.InvalidRequest, $"Method not allowed here. Allowed: {allow}.");
    }
}

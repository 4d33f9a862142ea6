namespace Destek.App.Platform.OpenApi;

/// <summary>
/// The body an endpoint reads by hand, for the document only. Accepts&lt;T&gt; would say the same to the
/// API explorer but also make routing refuse other media types with its own bare 415, before the
/// surface's gate can answer in the surface's error shape; this metadata changes nothing at run time.
/// </summary>
public sealed record DocumentedBody(Type Type, IReadOnlyList<string> ContentTypes);

public static class DocumentedBodies
{
    public static RouteHandlerBuilder DocumentsBody<TBody>(this RouteHandlerBuilder builder, params string[] contentTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new DocumentedBody(typeof(TBody), contentTypes.Length > 0 ? contentTypes : ["application/json"]));
    }
}

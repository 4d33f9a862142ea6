using System.Net;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Destek.App.Components.Layout;

/// <summary>
/// MudButton's look on a plain <c>button</c> element, for pages that stay open all day in many tabs (the queue).
/// A MudButton is a few components (the button, its element, its icon), each with its own two render trees in
/// every open circuit; a plain element with the same classes looks, focuses and reads the same and costs frames only.
/// </summary>
public static class PlainButton
{
    /// <summary>MudIconButton's small look, for a plain button that holds only an icon.</summary>
    public const string IconClass = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";

    /// <summary>MudIcon's small decorative SVG around a Material icon path, as markup (one frame, no component).</summary>
    public static MarkupString Icon(string path) => Svg("aria-hidden=\"true\"", path);

    /// <summary>The same SVG as an image named by its own title: it names the button it sits in and is its tooltip.</summary>
    public static MarkupString Icon(string path, string title) =>
        Svg("role=\"img\"", $"<title>{WebUtility.HtmlEncode(title)}</title>{path}");

    private static MarkupString Svg(string role, string content) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" {role}>{content}</svg>");

    public static string Class(Variant variant, Size size = Size.Small)
    {
        var v = variant switch
        {
            Variant.Filled => "filled",
            Variant.Outlined => "outlined",
            _ => "text",
        };
        var s = size switch
        {
            Size.Small => "small",
            Size.Large => "large",
            _ => "medium",
        };
        return $"mud-button-root mud-button mud-button-{v} mud-button-{v}-primary mud-button-{v}-size-{s} mud-ripple";
    }
}

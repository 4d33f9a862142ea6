using System.Text.Json;

namespace Destek.App.Platform;

/// <summary>
/// JsonDocument accepts text it cannot hand over as .NET strings: an escaped lone surrogate
/// ("\ud800") or bytes that are not UTF-8 inside a string only fail later, when a value or a
/// property name is read. Checking every string once, right after parsing, turns that late failure
/// (a 500) into a 400 that names the body.
/// </summary>
public static class WellFormedJson
{
    public static bool HasOnlyValidText(JsonElement element)
    {
        try
        {
            Walk(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Walk(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
        }
    }

    /// <summary>True for application/json and its +json relatives, with or without parameters.</summary>
    public static bool IsJsonMediaType(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}

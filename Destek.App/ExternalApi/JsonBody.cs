using System.Text.Json;
using Destek.App.Platform;
using Destek.Core.ExternalApi;
using Microsoft.AspNetCore.Http.Features;

namespace Destek.App.ExternalApi;

/// <summary>
/// Reads a JSON object body and its fields with seed-000's rules: wrong types, missing required
/// fields, oversize values and malformed JSON are 400s that name the field (never a 500).
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    // MimeKit would otherwise take "name" alone as an address without a domain.
    private static readonly MimeKit.ParserOptions StrictAddresses = new() { AllowAddressesWithoutDomain = false };

    public static async Task<JsonElement> ReadObjectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // seed-000 makes the header mandatory; a form or text body must not become a ticket.
        if (!WellFormedJson.IsJsonMediaType(context.Request.ContentType))
        {
            throw new ExternalApiException(StatusCodes.Status415UnsupportedMediaType, "İstek gövdesi JSON olmalıdır: Content-Type: application/json başlığını gönderin.", "Content-Type");
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            throw new ExternalApiException(400, $"İstek gövdesi en fazla {MaxBytes / 1024 / 1024} MiB olabilir.", "body");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ExternalApiException(400, "İstek gövdesi bir JSON nesnesi olmalıdır.", "body");
            }

            return WellFormedJson.HasOnlyValidText(document.RootElement)
                ? document.RootElement.Clone()
                : throw new ExternalApiException(400, "İstek gövdesi geçerli UTF-8 metin değil (eşlenmemiş vekil karakter veya bozuk bayt).", "body");
        }
        catch (JsonException)
        {
            throw new ExternalApiException(400, "İstek gövdesi geçerli JSON değil.", "body");
        }
    }

    public static string RequiredString(JsonElement body, string name, int maxLength)
    {
        var value = OptionalString(body, name, maxLength) ?? throw new ExternalApiException(400, $"{name} alanı zorunludur.", name);
        return value.Length == 0 ? throw new ExternalApiException(400, $"{name} alanı boş olamaz.", name) : value;
    }

    /// <summary>Trimmed; null when absent or JSON null.</summary>
    public static string? OptionalString(JsonElement body, string name, int maxLength)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ExternalApiException(400, $"{name} alanı metin olmalıdır.", name);
        }

        var text = value.GetString()!.Trim();
        return text.Length > maxLength ? throw new ExternalApiException(400, $"{name} alanı en fazla {maxLength} karakter olabilir.", name) : text;
    }

    public static int? OptionalInt(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new ExternalApiException(400, $"{name} alanı tam sayı olmalıdır.", name);
    }

    public static bool? OptionalBool(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ExternalApiException(400, $"{name} alanı true veya false olmalıdır.", name),
        };
    }

    public static string? OptionalEmail(JsonElement body, string name)
    {
        var text = OptionalString(body, name, 254);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return MimeKit.MailboxAddress.TryParse(StrictAddresses, text, out var address) && address.Address == text
            ? text
            : throw new ExternalApiException(400, $"{name} alanı geçerli bir e-posta adresi olmalıdır.", name);
    }
}

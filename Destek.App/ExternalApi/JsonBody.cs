using System.Text.Json;
using Destek.App.Platform;
using Microsoft.AspNetCore.Http.Features;

namespace Destek.App.ExternalApi;

/// <summary>
/// Reads a JSON object body and its fields with the external API's rules: wrong types, missing required
/// fields, oversize values and malformed JSON are 400s that name the field (never a 500). The
/// first bad field is the one answered (<see cref="Error"/>); reads after it give empty values.
/// </summary>
public sealed class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    // MimeKit would otherwise take "name" alone as an address without a domain.
    private static readonly MimeKit.ParserOptions StrictAddresses = new() { AllowAddressesWithoutDomain = false };

    private readonly HttpContext context;
    private readonly JsonElement root;

    private JsonBody(HttpContext context, JsonElement root)
    {
        this.context = context;
        this.root = root;
    }

    /// <summary>The answer for the first field refused, or null while every field read was good.</summary>
    public ExternalProblem? Error { get; private set; }

    /// <summary>The body, or the answer when it is not a readable JSON object.</summary>
    public static async Task<(JsonBody? Body, ExternalProblem? Error)> ReadObjectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // the external API's makes the header mandatory; a form or text body must not become a ticket.
        if (!WellFormedJson.IsJsonMediaType(context.Request.ContentType))
        {
            return (null, ExternalErrors.Problem(context, StatusCodes.Status415UnsupportedMediaType,
                "İstek gövdesi JSON olmalıdır: Content-Type: application/json başlığını gönderin.", "Content-Type"));
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            return (null, ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, TooLarge, "body"));
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
                return (null, ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, "İstek gövdesi bir JSON nesnesi olmalıdır.", "body"));
            }

            return WellFormedJson.HasOnlyValidText(document.RootElement)
                ? (new JsonBody(context, document.RootElement.Clone()), null)
                : (null, ExternalErrors.Problem(context, StatusCodes.Status400BadRequest,
                    "İstek gövdesi geçerli UTF-8 metin değil (eşlenmemiş vekil karakter veya bozuk bayt).", "body"));
        }
        catch (JsonException)
        {
            return (null, ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, "İstek gövdesi geçerli JSON değil.", "body"));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ExternalErrors.Problem(context, StatusCodes.Status413PayloadTooLarge, TooLarge, "body")
                : ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, "İstek okunamadı.", "body"));
        }
    }

    public static string TooLarge => $"İstek gövdesi en fazla {MaxBytes / 1024 / 1024} MiB olabilir.";

    /// <summary>Notes a refusal of <paramref name="field"/> unless an earlier field was refused already.</summary>
    public void Refuse(string field, string detail) =>
        Error ??= ExternalErrors.Problem(context, StatusCodes.Status400BadRequest, detail, field);

    public string RequiredString(string name, int maxLength)
    {
        var value = OptionalString(name, maxLength);
        if (value is null)
        {
            Refuse(name, $"{name} alanı zorunludur.");
        }
        else if (value.Length == 0)
        {
            Refuse(name, $"{name} alanı boş olamaz.");
        }

        return value ?? "";
    }

    /// <summary>Trimmed; null when absent or JSON null.</summary>
    public string? OptionalString(string name, int maxLength)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Refuse(name, $"{name} alanı metin olmalıdır.");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            Refuse(name, $"{name} alanı en fazla {maxLength} karakter olabilir.");
            return null;
        }

        return text;
    }

    public int? OptionalInt(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        Refuse(name, $"{name} alanı tam sayı olmalıdır.");
        return null;
    }

    public bool? OptionalBool(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Refuse(name, $"{name} alanı true veya false olmalıdır.");
                return null;
        }
    }

    public string? OptionalEmail(string name)
    {
        var text = OptionalString(name, 254);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (MimeKit.MailboxAddress.TryParse(StrictAddresses, text, out var address) && address.Address == text)
        {
            return text;
        }

        Refuse(name, $"{name} alanı geçerli bir e-posta adresi olmalıdır.");
        return null;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// A request body as the support form document's parsers see it: multipart or form-urlencoded (its MultiPartParser and
/// FormParser), and JSON as well. Scalar JSON values become text (DRF's CharField accepts numbers);
/// objects, arrays and booleans are noted so the field can be refused by name.
/// </summary>
public sealed class SupportApiBody
{
    public const long MaxJsonBytes = 1024 * 1024;
    /// <summary>A 5 MB attachment plus the text fields; anything larger is refused before it is read.</summary>
    public const long MaxMultipartBytes = 6 * 1024 * 1024;

    private SupportApiBody(Dictionary<string, string?> values, HashSet<string> notText, IFormFileCollection? files)
    {
        Values = values;
        NotText = notText;
        Files = files;
    }

    public IReadOnlyDictionary<string, string?> Values { get; }
    public IReadOnlySet<string> NotText { get; }
    public IFormFileCollection? Files { get; }

    public string? this[string field] => Values.GetValueOrDefault(field);

    public bool Has(string field) => Values.ContainsKey(field) || NotText.Contains(field);

    /// <summary>The body, or the error result to answer with (unsupported type, malformed or oversize body).</summary>
    public static async Task<(SupportApiBody? Body, SupportProblem? Error)> ReadAsync(HttpContext context, bool allowFiles)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.Length == 0)
        {
            // No body at all (DRF treats it as empty data, so every required field is named).
            return (new SupportApiBody([], [], null), null);
        }

        if (Platform.WellFormedJson.IsJsonMediaType(mediaType))
        {
            return await ReadJsonAsync(context);
        }

        if (mediaType is "multipart/form-data" or "application/x-www-form-urlencoded")
        {
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = MaxMultipartBytes,
                ValueLengthLimit = 64 * 1024,
                ValueCountLimit = 100,
            }));
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                var values = form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
                return (new SupportApiBody(values, [], allowFiles ? form.Files : null), null);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
            {
                // Too large or not a well-formed form: name the field that was most likely at fault.
                return (null, allowFiles && mediaType == "multipart/form-data"
                    ? SupportApiResults.Validation(context, Core.SupportForm.SupportRequestValidator.Attachment, Core.SupportForm.SupportRequestValidator.AttachmentTooLarge)
                    : SupportApiResults.Detail(context, StatusCodes.Status400BadRequest, "Form verisi okunamadı: " + ex.Message));
            }
        }

        return (null, SupportApiResults.Detail(context, StatusCodes.Status415UnsupportedMediaType,
            $"İstekte desteklenmeyen medya tipi \"{request.ContentType}\".", Platform.ApiErrorCodes.InvalidRequest));
    }

    private static async Task<(SupportApiBody?, SupportProblem?)> ReadJsonAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxJsonBytes)
        {
            return (null, SupportApiResults.Detail(context, StatusCodes.Status400BadRequest, "İstek gövdesi en fazla 1 MiB olabilir."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                return (null, SupportApiResults.Detail(context, StatusCodes.Status400BadRequest, "İstek gövdesi en fazla 1 MiB olabilir."));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, SupportApiResults.Detail(context, StatusCodes.Status400BadRequest, "Geçersiz veri. Bir sözlük (JSON nesnesi) bekleniyordu."));
            }

            if (!Platform.WellFormedJson.HasOnlyValidText(document.RootElement))
            {
                return (null, SupportApiResults.Detail(context, StatusCodes.Status400BadRequest,
                    "JSON ayrıştırma hatası - istek gövdesi geçerli UTF-8 metin değil (eşlenmemiş vekil karakter veya bozuk bayt)."));
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var notText = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[property.Name] = property.Value.GetString();
                        break;
                    case JsonValueKind.Number:
                        values[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        values[property.Name] = null;
                        break;
                    default:
                        notText.Add(property.Name);
                        break;
                }
            }

            return (new SupportApiBody(values, notText, null), null);
        }
        catch (JsonException ex)
        {
            return (null, SupportApiResults.Detail(context, StatusCodes.Status400BadRequest, "JSON ayrıştırma hatası - " + ex.Message));
        }
    }
}

using System.Text.Json;
using Destek.App.Platform;
using Microsoft.AspNetCore.Http.Features;

namespace Destek.App.CustomerApi;

/// <summary>
/// Reads the JSON object of a customer API write. Malformed JSON, a body that is not an object and a
/// field of the wrong type are 400s naming the field; every field is read, so one answer names them all.
/// </summary>
public sealed class CustomerApiBody
{
    public const long MaxBytes = 1024 * 1024;

    private readonly JsonElement root;
    private readonly Dictionary<string, IReadOnlyList<string>> errors = [];

    private CustomerApiBody(JsonElement root) => this.root = root;

    public static string TooLarge => $"İstek gövdesi en fazla {MaxBytes / 1024 / 1024} MiB olabilir.";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors => errors;

    public static async Task<(CustomerApiBody? Body, CustomerProblem? Error)> ReadObjectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > MaxBytes)
        {
            return (null, CustomerApiErrors.Field(context, StatusCodes.Status413PayloadTooLarge, "body", TooLarge));
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
                return (null, CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "body", "İstek gövdesi bir JSON nesnesi olmalıdır."));
            }

            return WellFormedJson.HasOnlyValidText(document.RootElement)
                ? (new CustomerApiBody(document.RootElement.Clone()), null)
                : (null, CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "body", "İstek gövdesi geçerli UTF-8 metin değil."));
        }
        catch (JsonException)
        {
            return (null, CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "body", "İstek gövdesi geçerli JSON değil."));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? CustomerApiErrors.Field(context, StatusCodes.Status413PayloadTooLarge, "body", TooLarge)
                : CustomerApiErrors.Field(context, StatusCodes.Status400BadRequest, "body", "İstek okunamadı."));
        }
    }

    /// <summary>Null when absent or JSON null; a non-string is refused.</summary>
    public string? String(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.TryAdd(name, [$"{name} alanı metin olmalıdır."]);
            return null;
        }

        return value.GetString();
    }

    public void Refuse(string name, string message) => errors.TryAdd(name, [message]);

    /// <summary>The 400 naming every badly typed field, or null.</summary>
    public CustomerProblem? TypeError(HttpContext context) =>
        errors.Count == 0 ? null : CustomerApiErrors.Fields(context, StatusCodes.Status400BadRequest, errors.Values.First()[0], errors);
}

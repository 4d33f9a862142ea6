using Microsoft.OpenApi;

namespace Destek.App.Platform.OpenApi;

/// <summary>The five APIs' documents: names, auth, error bodies and what each seed says per operation.</summary>
public static partial class OpenApiSurfaces
{
    public const string External = "external";
    public const string Support = "support";
    public const string Customer = "customer";
    public const string EInvoice = "einvoice";
    public const string Invoices = "invoices";

    public static IReadOnlyList<OpenApiSurface> All { get; } = [ExternalSurface(), SupportSurface(), CustomerSurface(), EInvoiceSurface(), InvoicesSurface()];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The shared fields every error body carries beside the surface's own.</summary>
    private static Dictionary<string, IOpenApiSchema> Shared(params (string Name, IOpenApiSchema Schema)[] own)
    {
        var properties = own.ToDictionary(p => p.Name, p => p.Schema);
        properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Makinece okunur hata kodu",
            Enum = [.. new[] { "unauthorized", "forbidden", "not_found", "conflict", "rate_limited", "invalid_request", "internal_error", "service_unavailable" }
                .Select(c => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(c))],
        };
        properties["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "X-Request-Id ile aynı: destek taleplerinde paylaşın" };
        return properties;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema FieldErrors(string description) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
    };

    private static string Code(int status) => ApiErrorCodes.ForStatus(status);

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value, Destek.Core.Tickets.ExternalFormat.Json);

    private const string RequestId = "req_01hv2k8m3q9x7c4t6n5p2r1s0w";
}

using Microsoft.OpenApi;

namespace Destek.App.Platform.OpenApi;

public static partial class OpenApiSurfaces
{
    private const string EInvoiceRowExample = """
        "id": 123,
        "invoice_no": "EA-2026-000123",
        "status": "issued",
        "type": "sale",
        "issued_at": "2026-01-31T20:16:10Z",
        "marketplace": "trendyol",
        "marketplace_order_no": "TY-ORDER-001",
        "buyer": { "name": "Acme Ltd.", "email": "billing@acme.test", "phone": "+905300000000" },
        "totals": { "subtotal": 100.0, "tax_total": 20.0, "discount_total": 0.0, "grand_total": 120.0, "currency": "TRY" },
        "pdf_url": "http://localhost/api/v1/einvoices/123/pdf",
        "updated_at": "2026-01-31T20:20:00Z"
        """;

    private static Dictionary<string, (string, string)> EInvoiceId => new() { ["einvoice"] = ("E-fatura ID", "123") };

    private static OpenApiSurface EInvoiceSurface() => new()
    {
        Name = EInvoice,
        Title = "E-Fatura API (v1)",
        Description = "Hesabınızdaki e-faturaları listeleme, detay ve PDF alma, sağlayıcı durumunu geri yazma (E-Fatura API v1 dokümanı). "
            + "Kimlik: Authorization: Bearer <API_TOKEN> (yetkiler: einvoices:read, einvoices:status). "
            + "feature.einvoice_api modülü aktif değilse API çalışmaz. Token sahibi başına dakikada 300 istek.",
        Schemes = new Dictionary<string, OpenApiSecurityScheme>
        {
            ["Bearer"] = new() { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "Admin panelinde (API Erişimi) oluşturulan, yalnızca bir kez gösterilen token" },
        },
        Security = [["Bearer"]],
        ErrorSchema = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Hata yanıtı: {\"message\": \"...\"}; 422'de errors alan adına göre mesajlar; ortak code ve requestId.",
            Required = new HashSet<string> { "message", "code", "requestId" },
            Properties = Shared(("message", Text("Hata mesajı (dokümandaki gibi İngilizce)")), ("errors", FieldErrors("Alan adına göre doğrulama mesajları (422)"))),
        },
        ErrorExample = status => Json(status switch
        {
            401 => new Dictionary<string, object?> { ["message"] = "Unauthenticated.", ["code"] = Code(status), ["requestId"] = RequestId },
            403 => new Dictionary<string, object?> { ["message"] = "This action is unauthorized.", ["code"] = Code(status), ["requestId"] = RequestId },
            404 => new Dictionary<string, object?> { ["message"] = "Not Found.", ["code"] = Code(status), ["requestId"] = RequestId },
            422 => new Dictionary<string, object?> { ["message"] = "The provider status field is required.", ["errors"] = new Dictionary<string, string[]> { ["provider_status"] = ["The provider status field is required."] }, ["code"] = Code(status), ["requestId"] = RequestId },
            429 => new Dictionary<string, object?> { ["message"] = "Too Many Attempts.", ["code"] = Code(status), ["requestId"] = RequestId },
            _ => new Dictionary<string, object?> { ["message"] = "Server Error", ["code"] = Code(status), ["requestId"] = RequestId },
        }),
        Operations = new Dictionary<string, OperationDoc>
        {
            ["einvoice.list"] = new("Listele", "Hesabınızdaki e-faturaları sayfa sayfa listeler.")
            {
                Query =
                [
                    new("status", "Durum", JsonSchemaType.String, "issued"),
                    new("marketplace", "Pazaryeri", JsonSchemaType.String),
                    new("type", "Fatura türü", JsonSchemaType.String),
                    new("updated_since", "Bu andan sonra güncellenenler (ISO-8601)", JsonSchemaType.String) { Format = "date-time" },
                    new("per_page", "Sayfa başına kayıt", JsonSchemaType.Integer, "20") { Minimum = 1, Maximum = 100, Default = "20" },
                    new("page", "Sayfa numarası", JsonSchemaType.Integer, "1") { Minimum = 1, Default = "1" },
                ],
                ResponseExample = "{ \"data\": [ {" + EInvoiceRowExample + "} ], \"meta\": { \"current_page\": 1, \"per_page\": 20, \"total\": 1, \"last_page\": 1 } }",
                Errors = [403, 422],
            },
            ["einvoice.get"] = new("Detay", "Bir e-faturanın detayı; kalemler ve olaylar isteğe bağlı.")
            {
                Path = EInvoiceId,
                Query =
                [
                    new("include_items", "Kalemler dahil (varsayılan true)", JsonSchemaType.Boolean, "true") { Default = "true" },
                    new("include_events", "Olaylar dahil (varsayılan false)", JsonSchemaType.Boolean, "true") { Default = "false" },
                ],
                ResponseExample = "{" + EInvoiceRowExample + """
                    ,
                      "items": [ { "id": 1, "sku": "SKU-1", "name": "Ürün 1", "quantity": 1.0, "unit_price": 100.0, "vat_rate": 20.0, "vat_amount": 20.0, "discount_amount": 0.0, "total": 120.0 } ],
                      "events": [ { "id": 10, "type": "provider_status_updated", "payload": { "provider_status": "accepted", "provider_invoice_id": "PRV-999", "raw": { "any": "data" } }, "created_at": "2026-01-31T20:21:00Z" } ]
                    }
                    """,
                Errors = [403, 404, 422],
            },
            ["einvoice.pdf"] = new("PDF indir", "Faturanın PDF çıktısı. PDF yoksa 404 döner.")
            {
                Path = EInvoiceId,
                Errors = [403, 404],
            },
            ["einvoice.providerStatus"] = new("Provider status güncelle", "Sağlayıcı durumunu ve kimliğini günceller, provider_status_updated olayı ekler, güncel faturayı döner. einvoices:status yetkisi zorunludur.")
            {
                Path = EInvoiceId,
                RequestExample = """{ "provider_status": "accepted", "provider_invoice_id": "PRV-999", "raw": { "provider_message": "OK" } }""",
                Errors = [400, 403, 404, 413, 415, 422],
            },
        },
    };

    private static OpenApiSurface InvoicesSurface() => new()
    {
        Name = Invoices,
        Title = "efatura.ai API (v1) — Fatura Oluşturma",
        Description = "Entegratörlerin fatura oluşturduğu platform (efatura.ai API Kılavuzu v1). Kimlik: X-Api-Key (organizasyon bazlı; sandbox anahtarları test_ ile başlar). "
            + "Tüm yazma işlemleri X-Idempotency-Key gerektirir. Varsayılan oran sınırı 300 istek/dk/organizasyon. "
            + "Sayfalama: page[after], page[limit]; sonraki sayfa X-Next-Cursor başlığında. Değişiklikler Deprecation ve Sunset başlıkları ile ve /docs/changelog'da duyurulur.",
        Schemes = new Dictionary<string, OpenApiSecurityScheme>
        {
            ["ApiKey"] = new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key", Description = "Organizasyon anahtarı; test_ önekli anahtarlar sandbox verisini görür" },
        },
        Security = [["ApiKey"]],
        ErrorSchema = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Hata modeli: code, message, requestId, details.",
            Required = new HashSet<string> { "code", "message", "requestId" },
            Properties = Shared(("message", Text("Hata mesajı")),
                ("details", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Ayrıntılar (ör. hatalı alan: field)", Properties = new Dictionary<string, IOpenApiSchema> { ["field"] = Text("Hatalı alan") } })),
        },
        ErrorExample = status => Json(status switch
        {
            400 => new Dictionary<string, object?> { ["code"] = "invalid_request", ["message"] = "Missing required field: customer.vkn", ["requestId"] = "req_01HV2K8M3Q9X7C4T6N5P2R1S0W", ["details"] = new Dictionary<string, string> { ["field"] = "customer.vkn" } },
            _ => new Dictionary<string, object?> { ["code"] = Code(status), ["message"] = OpenApiDocuments.ErrorDescription(status), ["requestId"] = "req_01HV2K8M3Q9X7C4T6N5P2R1S0W", ["details"] = new Dictionary<string, string>() },
        }),
        // The invoice platform's endpoints (branch invoice-platform) bring their own typed results; every
        // operation gets this surface's auth, error body and headers from the transformers whatever its name.
        Operations = new Dictionary<string, OperationDoc>(),
    };
}

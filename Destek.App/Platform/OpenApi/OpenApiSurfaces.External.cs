using Microsoft.OpenApi;

namespace Destek.App.Platform.OpenApi;

public static partial class OpenApiSurfaces
{
    private const string ExternalTicketExample = """
        {
          "id": 42,
          "title": "ERP Fatura Modülü Hatası",
          "description": "Fatura yazdırma işlemi sırasında sistem donuyor.",
          "status": "open",
          "priority": "high",
          "source": "api",
          "external_ref": "ERP-2026-001234",
          "department_id": 1,
          "department_name": "Bilgi İşlem",
          "assignee_id": null,
          "assignee_name": null,
          "is_private": false,
          "created_at": "2026-02-01T10:30:00Z",
          "updated_at": null,
          "closed_at": null,
          "comments_count": 0,
          "attachments_count": 0
        }
        """;

    private static Dictionary<string, (string, string)> TicketId => new() { ["id"] = ("Talep ID", "42") };

    private static OpenApiSurface ExternalSurface() => new()
    {
        Name = External,
        Title = "Destek Sistemi — Harici API",
        Description = "ERP, CRM ve muhasebe yazılımlarının talep açması, sorgulaması ve yorum eklemesi için API (Harici API Entegrasyon Kılavuzu). "
            + "Her istekte X-API-Key ve X-API-Secret başlıkları zorunludur. Bir API client yalnızca kendi açtığı talepleri görür. "
            + "Varsayılan oran sınırı dakikada 60 istektir (client başına değiştirilebilir).",
        Schemes = new Dictionary<string, OpenApiSecurityScheme>
        {
            ["ApiKey"] = new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-API-Key", Description = "Ayarlar → API Yönetimi'nde oluşturulan API Key" },
            ["ApiSecret"] = new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-API-Secret", Description = "Yalnızca oluşturma anında gösterilen API Secret" },
        },
        Security = [["ApiKey", "ApiSecret"]],
        ErrorSchema = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Hata yanıtı: {\"detail\": \"...\"} ve ortak code, requestId; 400'de hatalı alan field ile belirtilir.",
            Required = new HashSet<string> { "detail", "code", "requestId" },
            Properties = Shared(("detail", Text("Hata mesajı")), ("field", Text("Hatalı alan (400, 413, 415)"))),
        },
        ErrorExample = status => Json(status switch
        {
            400 => new Dictionary<string, object?> { ["detail"] = "title alanı zorunludur.", ["field"] = "title", ["code"] = Code(status), ["requestId"] = RequestId },
            401 => new Dictionary<string, object?> { ["detail"] = "Geçersiz API anahtarı veya secret.", ["code"] = Code(status), ["requestId"] = RequestId },
            403 => new Dictionary<string, object?> { ["detail"] = "Bu departmana talep açma yetkiniz yok.", ["code"] = Code(status), ["requestId"] = RequestId },
            404 => new Dictionary<string, object?> { ["detail"] = "Talep bulunamadı.", ["code"] = Code(status), ["requestId"] = RequestId },
            415 => new Dictionary<string, object?> { ["detail"] = "İstek gövdesi JSON olmalıdır: Content-Type: application/json başlığını gönderin.", ["field"] = "Content-Type", ["code"] = Code(status), ["requestId"] = RequestId },
            429 => new Dictionary<string, object?> { ["detail"] = "Rate limit aşıldı: dakikada en fazla 60 istek yapılabilir. Retry-After süresi kadar bekleyin.", ["code"] = Code(status), ["requestId"] = RequestId },
            _ => new Dictionary<string, object?> { ["detail"] = "Sunucu hatası. Destek ekibine requestId ile başvurun.", ["code"] = Code(status), ["requestId"] = RequestId },
        }),
        Operations = new Dictionary<string, OperationDoc>
        {
            ["external.createTicket"] = new("Talep oluşturma", "Yeni bir destek talebi oluşturur.")
            {
                RequestExample = """
                    {
                      "title": "ERP Fatura Modülü Hatası",
                      "description": "Fatura yazdırma işlemi sırasında sistem donuyor.",
                      "priority": "high",
                      "external_ref": "ERP-2026-001234",
                      "requester_name": "Ahmet Yılmaz",
                      "requester_email": "ahmet@firma.com"
                    }
                    """,
                ResponseExample = ExternalTicketExample,
                Errors = [400, 403, 413, 415, 503],
            },
            ["external.listTickets"] = new("Talep listesi", "Bu API client tarafından oluşturulan talepleri listeler.")
            {
                Query =
                [
                    new("status", "Durum filtresi", JsonSchemaType.String, "open") { Enum = ["open", "in_progress", "resolved", "closed"] },
                    new("external_ref", "Harici referans numarası ile arama", JsonSchemaType.String, "ERP-2026-001234"),
                    new("page", "Sayfa numarası", JsonSchemaType.Integer, "1") { Minimum = 1, Default = "1" },
                    new("per_page", "Sayfa başına kayıt", JsonSchemaType.Integer, "10") { Minimum = 1, Maximum = 100, Default = "20" },
                ],
                ResponseExample = """
                    {
                      "tickets": [
                        {
                          "id": 42,
                          "title": "ERP Fatura Modülü Hatası",
                          "status": "open",
                          "priority": "high",
                          "source": "api",
                          "external_ref": "ERP-2026-001234",
                          "department_name": "Bilgi İşlem",
                          "created_at": "2026-02-01T10:30:00Z",
                          "comments_count": 2,
                          "attachments_count": 1
                        }
                      ],
                      "total": 15,
                      "page": 1,
                      "per_page": 10,
                      "pages": 2
                    }
                    """,
                Errors = [400],
            },
            ["external.getTicket"] = new("Talep detayı", "Belirli bir talebin detayını getirir.")
            {
                Path = TicketId,
                ResponseExample = ExternalTicketExample.Replace("\"status\": \"open\"", "\"status\": \"in_progress\"", StringComparison.Ordinal),
                Errors = [404],
            },
            ["external.getTicketByRef"] = new("Harici referans ile talep getirme", "Kendi sisteminizdeki referans numarası ile talep sorgular. Referans içindeki / karakteri %2F olarak kodlanabilir.")
            {
                Path = new Dictionary<string, (string, string)> { ["externalRef"] = ("Harici referans numarası", "ERP-2026-001234") },
                ResponseExample = ExternalTicketExample,
                Errors = [404],
            },
            ["external.listComments"] = new("Talep yorumlarını getirme", "Bir talepteki herkese açık yorumları listeler.")
            {
                Path = TicketId,
                ResponseExample = """
                    [
                      { "id": 101, "content": "Sorunu inceliyoruz, birazdan dönüş yapacağız.", "user_id": 5, "user_name": "Mehmet Demir", "created_at": "2026-02-01T11:00:00Z" },
                      { "id": 102, "content": "[API - ERP Sistemi] Teşekkürler, bekliyoruz.", "user_id": 1, "user_name": "Sistem", "created_at": "2026-02-01T11:15:00Z" }
                    ]
                    """,
                Errors = [404],
            },
            ["external.addComment"] = new("Talebe yorum ekleme", "Bir talebe yeni yorum ekler. API üzerinden eklenen yorumlar [API - Uygulama Adı] etiketiyle işaretlenir.")
            {
                Path = TicketId,
                RequestExample = """{ "content": "Kullanıcı sorunu tekrar bildirdi, acil bakılması gerekiyor." }""",
                ResponseExample = """
                    { "id": 103, "content": "[API - ERP Sistemi] Kullanıcı sorunu tekrar bildirdi, acil bakılması gerekiyor.", "user_id": 1, "user_name": "Sistem", "created_at": "2026-02-01T14:30:00Z" }
                    """,
                Errors = [400, 404, 413, 415],
            },
        },
    };
}

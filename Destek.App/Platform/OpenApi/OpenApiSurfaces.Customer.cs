using Microsoft.OpenApi;

namespace Destek.App.Platform.OpenApi;

public static partial class OpenApiSurfaces
{
    private static Dictionary<string, (string, string)> CustomerTicketId => new() { ["id"] = ("Talebin UUID'si", "3f2b8c1e-9a4d-4f6b-8e2a-7c1d5b9e0f42") };

    private static OpenApiSurface CustomerSurface() => new()
    {
        Name = Customer,
        Title = "Destek — Müşteri Destek API'si",
        Description = "Oturum açmış bir müşterinin kendi destek taleplerini açması, listelemesi ve yanıtlaması için API (/api/user/support). "
            + "Kimlik: portal oturum çerezi (destek.auth) ya da portalda oluşturulan kişisel erişim anahtarı (Authorization: Bearer dpat_...). "
            + "Yazma istekleri application/json olmalıdır. Müşteri başına dakikada 120 istek.",
        Schemes = new Dictionary<string, OpenApiSecurityScheme>
        {
            ["Cookie"] = new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "destek.auth", Description = "Portal oturum çerezi (/giris ile oturum açıldığında)" },
            ["Bearer"] = new() { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "dpat_...", Description = "Portalda oluşturulan kişisel erişim anahtarı" },
        },
        Security = [["Cookie"], ["Bearer"]],
        ErrorSchema = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Hata yanıtı: {\"success\": false, \"message\": \"...\"}, alan hatalarında errors; ortak code ve requestId.",
            Required = new HashSet<string> { "success", "message", "code", "requestId" },
            Properties = Shared(("success", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Her zaman false" }),
                ("message", Text("Hata mesajı")), ("errors", FieldErrors("Alan adına göre hata mesajları (400, 415, 422)"))),
        },
        ErrorExample = status => Json(status switch
        {
            400 => new Dictionary<string, object?> { ["success"] = false, ["message"] = "limit 1 ile 50 arasında bir tam sayı olmalıdır.", ["errors"] = new Dictionary<string, string[]> { ["limit"] = ["limit 1 ile 50 arasında bir tam sayı olmalıdır."] }, ["code"] = Code(status), ["requestId"] = RequestId },
            401 => new Dictionary<string, object?> { ["success"] = false, ["message"] = "Oturum açmanız gerekiyor: müşteri hesabınızla giriş yapın.", ["code"] = Code(status), ["requestId"] = RequestId },
            403 => new Dictionary<string, object?> { ["success"] = false, ["message"] = "Bu API yalnızca müşteri hesaplarına açıktır.", ["code"] = Code(status), ["requestId"] = RequestId },
            404 => new Dictionary<string, object?> { ["success"] = false, ["message"] = "Destek talebi bulunamadı.", ["code"] = Code(status), ["requestId"] = RequestId },
            415 => new Dictionary<string, object?> { ["success"] = false, ["message"] = "İstek gövdesi JSON olmalıdır: Content-Type: application/json başlığını gönderin.", ["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = ["İstek gövdesi JSON olmalıdır: Content-Type: application/json başlığını gönderin."] }, ["code"] = Code(status), ["requestId"] = RequestId },
            422 => new Dictionary<string, object?> { ["success"] = false, ["message"] = "Konu zorunludur.", ["errors"] = new Dictionary<string, string[]> { ["subject"] = ["Konu zorunludur."] }, ["code"] = Code(status), ["requestId"] = RequestId },
            429 => new Dictionary<string, object?> { ["success"] = false, ["message"] = "İstek limiti aşıldı: dakikada en fazla 120 istek. Retry-After süresi kadar bekleyin.", ["code"] = Code(status), ["requestId"] = RequestId },
            _ => new Dictionary<string, object?> { ["success"] = false, ["message"] = "Sunucu hatası. Destek ekibine requestId ile başvurun.", ["code"] = Code(status), ["requestId"] = RequestId },
        }),
        Operations = new Dictionary<string, OperationDoc>
        {
            ["customer.createTicket"] = new("Yeni ticket oluştur")
            {
                RequestExample = """{ "subject": "PDF yükleme sorunu", "category": "teknik_sorun", "priority": "orta", "message": "Detaylı sorun açıklaması..." }""",
                ResponseExample = """
                    {
                      "success": true,
                      "message": "Destek talebiniz başarıyla oluşturuldu",
                      "ticket": {
                        "id": "3f2b8c1e-9a4d-4f6b-8e2a-7c1d5b9e0f42",
                        "ticket_number": "SUP-2025-000001",
                        "subject": "PDF yükleme sorunu",
                        "category": "teknik_sorun",
                        "priority": "orta",
                        "status": "acik",
                        "created_at": "2025-08-09T06:30:00Z"
                      }
                    }
                    """,
                Errors = [400, 403, 413, 415, 422],
            },
            ["customer.listTickets"] = new("Kendi ticket'larını listele")
            {
                Query =
                [
                    new("page", "Sayfa numarası", JsonSchemaType.Integer, "1") { Minimum = 1, Default = "1" },
                    new("limit", "Sayfa başına kayıt", JsonSchemaType.Integer, "10") { Minimum = 1, Maximum = 50, Default = "10" },
                    new("status", "Durum", JsonSchemaType.String, "acik") { Enum = ["acik", "cevaplandi", "kapatildi"] },
                    new("category", "Kategori kısa adı (teknik_sorun, hesap_sorunu, vb.)", JsonSchemaType.String, "teknik_sorun"),
                    new("priority", "Öncelik", JsonSchemaType.String) { Enum = ["dusuk", "orta", "yuksek", "acil"] },
                    new("search", "Konu içinde arama (en fazla 200 karakter)", JsonSchemaType.String),
                ],
                ResponseExample = """
                    {
                      "tickets": [
                        {
                          "id": "3f2b8c1e-9a4d-4f6b-8e2a-7c1d5b9e0f42",
                          "ticket_number": "SUP-2025-000001",
                          "subject": "PDF yükleme sorunu",
                          "category": "teknik_sorun",
                          "priority": "orta",
                          "status": "acik",
                          "message_count": 2,
                          "last_reply_at": "2025-08-09T06:45:00Z",
                          "created_at": "2025-08-09T06:30:00Z"
                        }
                      ],
                      "total_count": 5,
                      "has_more": false,
                      "page": 1,
                      "limit": 10
                    }
                    """,
                Errors = [400, 403],
            },
            ["customer.getTicket"] = new("Ticket detayı ve mesajları")
            {
                Path = CustomerTicketId,
                Errors = [403, 404],
            },
            ["customer.reply"] = new("Ticket'a mesaj gönder")
            {
                Path = CustomerTicketId,
                RequestExample = """{ "message": "Ek bilgi veya yanıt mesajı..." }""",
                ResponseExample = """
                    {
                      "success": true,
                      "message": "Mesajınız başarıyla gönderildi",
                      "support_message": {
                        "id": "8d0e6f2a-1b3c-4d5e-9f70-a1b2c3d4e5f6",
                        "ticket_id": "3f2b8c1e-9a4d-4f6b-8e2a-7c1d5b9e0f42",
                        "sender_id": "5",
                        "message": "Ek bilgi veya yanıt mesajı...",
                        "created_at": "2025-08-09T07:00:00Z"
                      }
                    }
                    """,
                Errors = [400, 403, 404, 413, 415, 422],
            },
            ["customer.messages"] = new("Sadece mesajları getir")
            {
                Path = CustomerTicketId,
                Errors = [403, 404],
            },
        },
    };
}

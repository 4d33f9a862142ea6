using Microsoft.OpenApi;

namespace Destek.App.Platform.OpenApi;

public static partial class OpenApiSurfaces
{
    private const string SupportTicketExample = """
        {
          "id": 7,
          "ticket_number": "SUP-2024-001234",
          "name": "Ahmet Yılmaz",
          "email": "ahmet@example.com",
          "phone": "+90 555 123 45 67",
          "subject": "Sipariş Sorunu",
          "message": "Siparişim henüz gelmedi, durumunu kontrol edebilir misiniz?",
          "status": "in_progress",
          "user": null,
          "user_email": null,
          "assigned_to": 5,
          "assigned_to_email": "agent@destek.local",
          "attachment": null,
          "attachment_name": null,
          "notes": null,
          "created_at": "2024-01-15T10:30:00Z",
          "updated_at": "2024-01-15T11:00:00Z",
          "resolved_at": null
        }
        """;

    private static Dictionary<string, (string, string)> SupportTicketId => new() { ["id"] = ("Talep ID", "7") };

    private static OpenApiSurface SupportSurface() => new()
    {
        Name = Support,
        Title = "Müşteri Hizmetleri Destek Formu API'si",
        Description = "Destek formunun API'si (/api/support/tickets/): herkes talep açabilir (IP başına dakikada 10, saatte 100); "
            + "listeleme, detay, durum güncelleme, atama ve düzeltme yalnızca personele (oturum çerezi destek.auth) açıktır.",
        Schemes = new Dictionary<string, OpenApiSecurityScheme>
        {
            ["Cookie"] = new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "destek.auth", Description = "Personel oturum çerezi (/giris ile oturum açıldığında)" },
        },
        Security = [["Cookie"]],
        TrailingSlash = true,
        ErrorSchema = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "DRF biçimli hatalar ve ortak code, requestId: doğrulamada {\"alan\": [\"mesaj\"]}, işlemlerde {\"status\": \"error\", \"message\"}, "
                + "kimlik/yetki/bulunamadı/kısıtlamada {\"detail\"}.",
            Required = new HashSet<string> { "code", "requestId" },
            Properties = Shared(("detail", Text("Hata mesajı (401, 403, 404, 429)")),
                ("status", new OpenApiSchema { Type = JsonSchemaType.String, Description = "İşlem hatalarında \"error\"" }),
                ("message", Text("İşlem hatasının mesajı"))),
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "Doğrulama: alan adına göre mesajlar" },
        },
        ErrorExample = status => Json(status switch
        {
            400 => new Dictionary<string, object?> { ["email"] = new[] { "Geçerli bir e-posta adresi girin." }, ["code"] = Code(status), ["requestId"] = RequestId },
            401 => new Dictionary<string, object?> { ["detail"] = "Kimlik doğrulama bilgileri sağlanmadı.", ["code"] = Code(status), ["requestId"] = RequestId },
            403 => new Dictionary<string, object?> { ["detail"] = "Bu işlemi yapmak için izniniz bulunmamaktadır.", ["code"] = Code(status), ["requestId"] = RequestId },
            404 => new Dictionary<string, object?> { ["detail"] = "Bulunamadı.", ["code"] = Code(status), ["requestId"] = RequestId },
            429 => new Dictionary<string, object?> { ["detail"] = "İstek kısıtlandı. 42 saniye içinde tekrar deneyin.", ["code"] = Code(status), ["requestId"] = RequestId },
            _ => new Dictionary<string, object?> { ["status"] = "error", ["message"] = "Sunucu hatası. Destek ekibine requestId ile başvurun.", ["code"] = Code(status), ["requestId"] = RequestId },
        }),
        Operations = new Dictionary<string, OperationDoc>
        {
            ["support.create"] = new("Yeni destek talebi oluştur", "multipart/form-data (attachment ile: PDF, DOC, DOCX, JPG, JPEG, PNG, en fazla 5 MB), form-urlencoded veya JSON. Oturum açmış bir müşterinin talebi hesabına bağlanır.")
            {
                Authenticated = false,
                RequestExample = """
                    {
                      "name": "Ahmet Yılmaz",
                      "email": "ahmet@example.com",
                      "phone": "+90 555 123 45 67",
                      "subject": "Sipariş Sorunu",
                      "message": "Siparişim henüz gelmedi, durumunu kontrol edebilir misiniz?"
                    }
                    """,
                ResponseExample = """
                    {
                      "status": "success",
                      "message": "Destek talebiniz başarıyla oluşturuldu",
                      "data": {
                        "ticket_id": "SUP-2024-001234",
                        "ticket_number": "SUP-2024-001234",
                        "created_at": "2024-01-15T10:30:00Z",
                        "estimated_response_time": "24 saat içinde"
                      }
                    }
                    """,
                Errors = [400, 413, 415],
            },
            ["support.list"] = new("Tüm ticket'ları listele (personel)", "En yeniler önce; personel yalnızca kendi departmanlarının taleplerini görür.")
            {
                Query =
                [
                    new("status", "Durum", JsonSchemaType.String, "pending") { Enum = ["pending", "in_progress", "resolved", "closed"] },
                    new("subject", "Konu", JsonSchemaType.String),
                    new("assigned_to", "Atanan personelin kullanıcı ID'si", JsonSchemaType.Integer),
                    new("created_at__gte", "Bu tarihten (dahil) sonra açılanlar", JsonSchemaType.String) { Format = "date" },
                    new("created_at__lte", "Bu tarihe (dahil) kadar açılanlar", JsonSchemaType.String) { Format = "date" },
                    new("search", "Numara, ad, e-posta, telefon, konu ve mesajda arama", JsonSchemaType.String),
                    new("page", "Sayfa numarası", JsonSchemaType.Integer, "1") { Minimum = 1, Default = "1" },
                    new("page_size", "Sayfa boyutu", JsonSchemaType.Integer, "20") { Minimum = 1, Maximum = 100, Default = "20" },
                ],
                ResponseExample = "{ \"count\": 1, \"next\": null, \"previous\": null, \"results\": [" + SupportTicketExample + "] }",
                Errors = [400, 403, 404],
            },
            ["support.get"] = new("Ticket detayını göster (personel)") { Path = SupportTicketId, ResponseExample = SupportTicketExample, Errors = [403, 404] },
            ["support.updateStatus"] = new("Ticket durumunu güncelle (personel)")
            {
                Path = SupportTicketId,
                RequestExample = """{ "status": "in_progress" }""",
                ResponseExample = "{ \"status\": \"success\", \"message\": \"Ticket durumu güncellendi\", \"data\": " + SupportTicketExample + " }",
                Errors = [400, 403, 404, 413, 415],
            },
            ["support.assign"] = new("Ticket'ı personele ata (personel)")
            {
                Path = SupportTicketId,
                RequestExample = """{ "assigned_to": 5 }""",
                ResponseExample = "{ \"status\": \"success\", \"message\": \"Ticket atandı\", \"data\": " + SupportTicketExample + " }",
                Errors = [400, 403, 404, 413, 415],
            },
            ["support.replace"] = new("Ticket'ı düzelt (yalnızca admin, PUT)")
            {
                Path = SupportTicketId,
                RequestExample = """
                    {
                      "name": "Ahmet Yılmaz",
                      "email": "ahmet@example.com",
                      "phone": "+90 555 123 45 67",
                      "subject": "Sipariş Sorunu",
                      "message": "Siparişim henüz gelmedi, durumunu kontrol edebilir misiniz?",
                      "status": "resolved",
                      "notes": "Kargo firmasıyla görüşüldü."
                    }
                    """,
                ResponseExample = SupportTicketExample, Errors = [400, 403, 404, 413, 415] },
            ["support.update"] = new("Ticket'ı kısmen düzelt (yalnızca admin, PATCH)") { Path = SupportTicketId, RequestExample = """{ "notes": "Kargo firmasıyla görüşüldü." }""", ResponseExample = SupportTicketExample, Errors = [400, 403, 404, 413, 415] },
            ["support.delete"] = new("Ticket'ı sil (yalnızca admin)") { Path = SupportTicketId, Errors = [403, 404] },
        },
    };
}

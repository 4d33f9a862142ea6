using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Destek.App.Platform.OpenApi;

// Schema-only shapes for the bodies the surfaces read by hand (their readers name each bad field
// themselves) and for the support form API's dictionary answers. Nothing serializes or binds these:
// the endpoints declare them with Accepts/Produces, so the generated documents show the documents' fields.

/// <summary>POST /api/external/tickets (seed-000, "Talep Oluşturma").</summary>
public sealed record ExternalTicketCreateBody(
    [property: Required, StringLength(200), Description("Talep başlığı")] string Title,
    [property: Required, Description("Talep açıklaması")] string Description,
    [property: AllowedValues("low", "medium", "high", "urgent"), Description("Öncelik (varsayılan: medium)")] string? Priority,
    [property: Description("Departman ID (belirtilmezse varsayılan kullanılır)")] int? DepartmentId,
    [property: StringLength(100), Description("Harici sistemdeki referans numarası")] string? ExternalRef,
    [property: EmailAddress, Description("Talep sahibinin e-postası")] string? RequesterEmail,
    [property: StringLength(200), Description("Talep sahibinin adı")] string? RequesterName,
    [property: Description("Gizli talep mi? (varsayılan: false)")] bool? IsPrivate,
    [property: StringLength(50), Description("TEOS ID (aktifse)")] string? TeosId,
    [property: StringLength(11), Description("TC Kimlik No (aktifse)")] string? CitizenshipNo);

/// <summary>POST /api/external/tickets/{id}/comments.</summary>
public sealed record ExternalCommentCreateBody([property: Required, Description("Yorum içeriği")] string Content);

/// <summary>POST /api/user/support/tickets (seed-004).</summary>
public sealed record CustomerTicketCreateBody(
    [property: Required, Description("Konu")] string Subject,
    [property: Description("Kategori kısa adı (ör. teknik_sorun, hesap_sorunu)")] string? Category,
    [property: AllowedValues("dusuk", "orta", "yuksek", "acil"), Description("Öncelik (varsayılan: orta)")] string? Priority,
    [property: Required, Description("Sorunun ayrıntılı açıklaması")] string Message);

/// <summary>POST /api/user/support/tickets/{ticket_id}/reply.</summary>
public sealed record CustomerReplyBody([property: Required, Description("Mesaj")] string Message);

/// <summary>POST /api/v1/einvoices/{einvoice}/provider-status (seed-003).</summary>
public sealed record ProviderStatusBody(
    [property: Required, StringLength(50), Description("Sağlayıcıdaki durum (ör. accepted)")] string ProviderStatus,
    [property: StringLength(100), Description("Sağlayıcının fatura kimliği")] string? ProviderInvoiceId,
    [property: Description("Sağlayıcıdan gelen ek alanlar (nesne veya dizi)")] System.Text.Json.JsonElement? Raw);

/// <summary>POST /api/support/tickets/ (seed-002): multipart/form-data, form-urlencoded or JSON.</summary>
public sealed record SupportTicketCreateBody(
    [property: Required, StringLength(100, MinimumLength = 2), Description("Ad Soyad (yalnızca harf ve boşluk)")] string Name,
    [property: Required, EmailAddress, Description("E-posta")] string Email,
    [property: StringLength(20), Description("Telefon (en az 10 rakam)")] string? Phone,
    [property: Required, AllowedValues("Sipariş Sorunu", "Ürün Hakkında Soru", "Ödeme Sorunu", "Hesap Sorunu", "Teknik Destek", "İade/İptal", "Diğer"), Description("Konu")] string Subject,
    [property: Required, StringLength(2000, MinimumLength = 10), Description("Mesaj")] string Message);

/// <summary>The support form API's create answer (201).</summary>
public sealed record SupportCreatedAnswer(
    [property: Description("success")] string Status,
    string Message,
    SupportCreatedData Data);

public sealed record SupportCreatedData(string TicketId, string TicketNumber, string CreatedAt, string EstimatedResponseTime);

/// <summary>SupportTicketListSerializer: the ticket of the list, detail and action answers.</summary>
public sealed record SupportTicketShape(
    int Id, string TicketNumber, string Name, string Email, string? Phone, string Subject, string Message,
    [property: AllowedValues("pending", "in_progress", "resolved", "closed")] string Status,
    int? User, string? UserEmail, int? AssignedTo, string? AssignedToEmail, string? Attachment, string? AttachmentName, string? Notes,
    string CreatedAt, string UpdatedAt, string? ResolvedAt);

/// <summary>DRF's page: {count, next, previous, results}.</summary>
public sealed record SupportTicketPage(int Count, string? Next, string? Previous, IReadOnlyList<SupportTicketShape> Results);

/// <summary>The answers of update_status and assign: {"status": "success", "message", "data"}.</summary>
public sealed record SupportActionAnswer(string Status, string Message, SupportTicketShape Data);

/// <summary>PATCH /{id}/update_status/.</summary>
public sealed record SupportStatusBody([property: Required, AllowedValues("pending", "in_progress", "resolved", "closed")] string Status);

/// <summary>PATCH /{id}/assign/: a staff user's id, or null to unassign.</summary>
public sealed record SupportAssignBody([property: Description("Personelin kullanıcı ID'si; null atamayı kaldırır")] int? AssignedTo);

/// <summary>PUT / PATCH /{id}/ (admins): the writable fields of the list serializer.</summary>
public sealed record SupportTicketChangeBody(
    string? Name, string? Email, string? Phone, string? Subject, string? Message,
    [property: AllowedValues("pending", "in_progress", "resolved", "closed")] string? Status,
    int? AssignedTo, string? Notes);

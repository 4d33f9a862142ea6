namespace Destek.Core.Invoices;

/// <summary>The e-invoice document's codes (status, type, marketplace) and Turkish labels for screens.</summary>
public static class InvoiceCodes
{
    private static readonly Dictionary<InvoiceStatus, string> StatusCodes = new()
    {
        [InvoiceStatus.Draft] = "draft",
        [InvoiceStatus.Queued] = "queued",
        [InvoiceStatus.Issued] = "issued",
        [InvoiceStatus.Sent] = "sent",
        [InvoiceStatus.Accepted] = "accepted",
        [InvoiceStatus.Rejected] = "rejected",
        [InvoiceStatus.Cancelled] = "cancelled",
        [InvoiceStatus.Failed] = "failed",
    };

    private static readonly Dictionary<InvoiceType, string> TypeCodes = new()
    {
        [InvoiceType.Sale] = "sale",
        [InvoiceType.Return] = "return",
        [InvoiceType.CreditNote] = "credit_note",
    };

    private static readonly Dictionary<Marketplace, string> MarketplaceCodes = new()
    {
        [Marketplace.Trendyol] = "trendyol",
        [Marketplace.Hepsiburada] = "hepsiburada",
        [Marketplace.Amazon] = "amazon",
        [Marketplace.N11] = "n11",
    };

    public static IReadOnlyCollection<string> Statuses => StatusCodes.Values;
    public static IReadOnlyCollection<string> Types => TypeCodes.Values;
    public static IReadOnlyCollection<string> Marketplaces => MarketplaceCodes.Values;

    public static string ToCode(InvoiceStatus status) => StatusCodes[status];
    public static string ToCode(InvoiceType type) => TypeCodes[type];
    public static string ToCode(Marketplace marketplace) => MarketplaceCodes[marketplace];

    public static bool TryParseStatus(string? code, out InvoiceStatus status) => TryParse(StatusCodes, code, out status);
    public static bool TryParseType(string? code, out InvoiceType type) => TryParse(TypeCodes, code, out type);
    public static bool TryParseMarketplace(string? code, out Marketplace marketplace) => TryParse(MarketplaceCodes, code, out marketplace);

    public static string Label(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "Taslak",
        InvoiceStatus.Queued => "Kuyrukta",
        InvoiceStatus.Issued => "Düzenlendi",
        InvoiceStatus.Sent => "Gönderildi",
        InvoiceStatus.Accepted => "Kabul edildi",
        InvoiceStatus.Rejected => "Reddedildi",
        InvoiceStatus.Cancelled => "İptal edildi",
        InvoiceStatus.Failed => "Başarısız",
        _ => status.ToString(),
    };

    public static string Label(InvoiceType type) => type switch
    {
        InvoiceType.Sale => "Satış",
        InvoiceType.Return => "İade",
        InvoiceType.CreditNote => "Alacak dekontu",
        _ => type.ToString(),
    };

    public static string Label(Marketplace marketplace) => marketplace switch
    {
        Marketplace.Trendyol => "Trendyol",
        Marketplace.Hepsiburada => "Hepsiburada",
        Marketplace.Amazon => "Amazon",
        Marketplace.N11 => "n11",
        _ => marketplace.ToString(),
    };

    private static bool TryParse<T>(Dictionary<T, string> codes, string? code, out T value)
        where T : struct, Enum
    {
        foreach (var (key, text) in codes)
        {
            if (string.Equals(text, code, StringComparison.Ordinal))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}

namespace Destek.Core.Organization;

/// <summary>The categories every installation starts with: the support form document's subjects, named with the customer API document's slugs.</summary>
public static class ReferenceData
{
    public const string DefaultDepartment = "Müşteri Hizmetleri";

    public static IReadOnlyList<(string Slug, string Name)> Categories { get; } =
    [
        ("siparis_sorunu", "Sipariş Sorunu"),
        ("urun_sorusu", "Ürün Hakkında Soru"),
        ("odeme_sorunu", "Ödeme Sorunu"),
        ("hesap_sorunu", "Hesap Sorunu"),
        ("teknik_sorun", "Teknik Destek"),
        ("iade_iptal", "İade/İptal"),
        ("api_entegrasyonu", "API Entegrasyonu"),
        ("diger", "Diğer"),
    ];

    public static IEnumerable<Category> NewCategories() => Categories.Select((c, i) => new Category(c.Slug, c.Name, (i + 1) * 10));
}

using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Destek.App.Platform;

/// <summary>
/// MudBlazor's own texts ("Close", the pager, the grid's menus, "Loading") in Turkish. MudBlazor asks its
/// localization interceptor for each; the stock one answers English whenever the thread's UI culture is
/// English or neutral, so ours always asks <see cref="TurkishMudLocalizer"/> first and falls back to
/// MudBlazor's English only for a key missing here.
/// </summary>
public static class TurkishMudStrings
{
    public static IServiceCollection AddTurkishMudStrings(this IServiceCollection services)
    {
        // Singletons: both are stateless, and MudBlazor resolves an interceptor for every component that has
        // text, in every circuit (its own registration is transient).
        services.Replace(ServiceDescriptor.Singleton<MudLocalizer, TurkishMudLocalizer>());
        services.Replace(ServiceDescriptor.Singleton<ILocalizationInterceptor, TurkishLocalizationInterceptor>());
        return services;
    }
}

public sealed class TurkishLocalizationInterceptor(ILoggerFactory loggerFactory, MudLocalizer localizer)
    : DefaultLocalizationInterceptor(loggerFactory, localizer)
{
    public override bool IgnoreDefaultEnglish { get; init; } = true;
}

public sealed class TurkishMudLocalizer : MudLocalizer
{
    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["MudAlert_Close"] = "Kapat",
        ["MudChip_Close"] = "Kaldır",
        ["MudDialog_Close"] = "Kapat",
        ["MudSnackbar_Close"] = "Kapat",
        ["MudInput_Clear"] = "Temizle",
        ["MudInput_Increment"] = "Artır",
        ["MudInput_Decrement"] = "Azalt",
        ["MudFormComponent_Required"] = "Zorunlu",
        ["MudSelect_SelectAll"] = "Tümünü seç",
        ["MudNavGroup_ToggleExpand"] = "{0} bölümünü aç veya kapat",
        ["MudBreadcrumbs_Label"] = "Konum",
        ["MudBaseDatePicker_Open"] = "Tarih seçiciyi aç",
        ["MudBaseDatePicker_NextMonth"] = "Sonraki ay",
        ["MudBaseDatePicker_PrevMonth"] = "Önceki ay",
        ["MudBaseDatePicker_NextYear"] = "Sonraki yıl",
        ["MudBaseDatePicker_PrevYear"] = "Önceki yıl",
        ["MudDateRangePicker_Start"] = "Başlangıç",
        ["MudDateRangePicker_End"] = "Bitiş",
        ["MudTimePicker_Open"] = "Saat seçiciyi aç",
        ["MudFileUpload_Button"] = "Dosya seç",
        ["MudFileUpload_DragAndDrop"] = "Dosyaları buraya sürükleyin",
        ["MudPagination_FirstPage"] = "İlk sayfa",
        ["MudPagination_PreviousPage"] = "Önceki sayfa",
        ["MudPagination_NextPage"] = "Sonraki sayfa",
        ["MudPagination_LastPage"] = "Son sayfa",
        ["MudPagination_CurrentPage"] = "Geçerli sayfa {0}",
        ["MudPagination_PageIndex"] = "Sayfa {0}",
        ["MudTablePager_FirstPage"] = "İlk sayfa",
        ["MudTablePager_PreviousPage"] = "Önceki sayfa",
        ["MudTablePager_NextPage"] = "Sonraki sayfa",
        ["MudTablePager_LastPage"] = "Son sayfa",
        ["MudTable_Loading"] = "Yükleniyor…",
        ["MudTable_SelectAllRows"] = "Tüm satırları seç",
        ["MudTable_SelectRow"] = "Satırı seç",
        ["MudDataGridPager_FirstPage"] = "İlk sayfa",
        ["MudDataGridPager_PreviousPage"] = "Önceki sayfa",
        ["MudDataGridPager_NextPage"] = "Sonraki sayfa",
        ["MudDataGridPager_LastPage"] = "Son sayfa",
        ["MudDataGridPager_RowsPerPage"] = "Sayfa başına:",
        ["MudDataGridPager_InfoFormat"] = "{first_item}–{last_item} / {all_items}",
        ["MudDataGridPager_AllItems"] = "Tümü",
        ["MudDataGrid_Loading"] = "Yükleniyor…",
        ["MudDataGrid_Sort"] = "Sırala",
        ["MudDataGrid_Unsort"] = "Sıralamayı kaldır",
        ["MudDataGrid_Filter"] = "Filtrele",
        ["MudDataGrid_OpenFilters"] = "Filtreleri aç",
        ["MudDataGrid_AddFilter"] = "Filtre ekle",
        ["MudDataGrid_RemoveFilter"] = "Filtreyi kaldır",
        ["MudDataGrid_ClearFilter"] = "Filtreyi temizle",
        ["MudDataGrid_Apply"] = "Uygula",
        ["MudDataGrid_Clear"] = "Temizle",
        ["MudDataGrid_Cancel"] = "Vazgeç",
        ["MudDataGrid_Save"] = "Kaydet",
        ["MudDataGrid_Column"] = "Sütun",
        ["MudDataGrid_Columns"] = "Sütunlar",
        ["MudDataGrid_Operator"] = "İşleç",
        ["MudDataGrid_Value"] = "Değer",
        ["MudDataGrid_FilterValue"] = "Filtre değeri",
        ["MudDataGrid_Hide"] = "Gizle",
        ["MudDataGrid_HideAll"] = "Tümünü gizle",
        ["MudDataGrid_ShowAll"] = "Tümünü göster",
        ["MudDataGrid_ShowColumnOptions"] = "Sütun seçenekleri",
        ["MudDataGrid_RefreshData"] = "Yenile",
        ["MudDataGrid_SelectAllRows"] = "Tüm satırları seç",
        ["MudDataGrid_SelectRow"] = "Satırı seç",
        ["MudDataGrid_Group"] = "Grupla",
        ["MudDataGrid_Ungroup"] = "Gruplamayı kaldır",
        ["MudDataGrid_ExpandAllGroups"] = "Tüm grupları aç",
        ["MudDataGrid_CollapseAllGroups"] = "Tüm grupları kapat",
        ["MudDataGrid_ExpandGroup"] = "Grubu aç",
        ["MudDataGrid_CollapseGroup"] = "Grubu kapat",
        ["MudDataGrid_ToggleGroupExpansion"] = "Grubu aç veya kapat",
        ["MudDataGrid_MoveUp"] = "Yukarı taşı",
        ["MudDataGrid_MoveDown"] = "Aşağı taşı",
        ["MudDataGrid_ReorderColumn"] = "Sütunu taşı",
        ["MudDataGrid_Contains"] = "içerir",
        ["MudDataGrid_NotContains"] = "içermez",
        ["MudDataGrid_Equals"] = "eşittir",
        ["MudDataGrid_NotEquals"] = "eşit değildir",
        ["MudDataGrid_StartsWith"] = "ile başlar",
        ["MudDataGrid_EndsWith"] = "ile biter",
        ["MudDataGrid_IsEmpty"] = "boş",
        ["MudDataGrid_IsNotEmpty"] = "boş değil",
        ["MudDataGrid_Is"] = "şudur",
        ["MudDataGrid_IsNot"] = "şu değildir",
        ["MudDataGrid_IsAnyOf"] = "şunlardan biri",
        ["MudDataGrid_IsAfter"] = "sonra",
        ["MudDataGrid_IsOnOrAfter"] = "aynı gün veya sonra",
        ["MudDataGrid_IsBefore"] = "önce",
        ["MudDataGrid_IsOnOrBefore"] = "aynı gün veya önce",
        ["MudDataGrid_True"] = "doğru",
        ["MudDataGrid_False"] = "yanlış",
        ["MudTabs_AddTab"] = "Sekme ekle",
        ["MudTabs_CloseTab"] = "Sekmeyi kapat",
        ["MudTabs_ScrollLeft"] = "Sola kaydır",
        ["MudTabs_ScrollRight"] = "Sağa kaydır",
        ["MudTabs_ScrollUp"] = "Yukarı kaydır",
        ["MudTabs_ScrollDown"] = "Aşağı kaydır",
        ["MudStepper_Next"] = "İleri",
        ["MudStepper_Previous"] = "Geri",
        ["MudStepper_Complete"] = "Tamamla",
        ["MudStepper_Reset"] = "Sıfırla",
        ["MudStepper_Skip"] = "Atla",
        ["MudExitPrompt_Title"] = "Sayfadan çıkılsın mı?",
        ["MudExitPrompt_Text"] = "Kaydedilmemiş değişiklikler kaybolacak.",
        ["MudExitPrompt_Exit"] = "Çık",
        ["MudExitPrompt_Cancel"] = "Vazgeç",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new(key, text) : new(key, key, resourceNotFound: true);

    /// <summary>The keys translated here, for the test that checks each is one MudBlazor knows.</summary>
    public static IEnumerable<string> Keys => Texts.Keys;
}

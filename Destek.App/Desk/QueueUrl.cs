using System.Globalization;
using Destek.Core.Tickets;

namespace Destek.App.Desk;

/// <summary>
/// Everything that decides what the queue shows, as it is written in the page's address, so a view
/// can be shared, bookmarked and survives a reload. Defaults are left out of the address.
/// </summary>
public sealed record QueueUrl
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [25, 50, 100];

    private static readonly (QueueView View, string Name)[] ViewNames =
    [
        (QueueView.AllOpen, "acik"), (QueueView.Mine, "bana"), (QueueView.Unassigned, "atanmamis"), (QueueView.All, "tumu"),
        (QueueView.SlaNearBreach, "sla-yakin"),
    ];

    private static readonly (QueueSort Sort, string Name)[] SortNames =
    [
        (QueueSort.Newest, "-olusturma"), (QueueSort.Oldest, "olusturma"),
        (QueueSort.RecentlyUpdated, "-guncelleme"), (QueueSort.LeastRecentlyUpdated, "guncelleme"),
        (QueueSort.PriorityHighFirst, "-oncelik"), (QueueSort.PriorityLowFirst, "oncelik"),
        (QueueSort.NumberDescending, "-numara"), (QueueSort.Number, "numara"),
        (QueueSort.SlaDueSoonest, "sla"), (QueueSort.SlaDueLatest, "-sla"),
    ];

    public QueueView View { get; init; } = QueueView.AllOpen;
    public string? Search { get; init; }
    public TicketStatus? Status { get; init; }
    public TicketPriority? Priority { get; init; }
    public int? CategoryId { get; init; }
    public int? DepartmentId { get; init; }
    public int? AssigneeId { get; init; }

    /// <summary>First and last Istanbul calendar day of creation, both included.</summary>
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }

    public QueueSort Sort { get; init; } = QueueSort.Newest;

    /// <summary>Zero-based, as the grid counts; the address shows it one-based.</summary>
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;

    public QueueFilter ToFilter() => new()
    {
        View = View,
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        Status = Status,
        Priority = Priority,
        CategoryId = CategoryId,
        DepartmentId = DepartmentId,
        AssigneeId = AssigneeId,
        CreatedFrom = CreatedFrom is { } from ? DeskFormat.DayStartUtc(from) : null,
        CreatedBefore = CreatedTo is { } to ? DeskFormat.DayStartUtc(to.AddDays(1)) : null,
        Sort = Sort,
    };

    /// <summary>Reads the address's query values; anything unknown or malformed falls back to the default.</summary>
    public static QueueUrl Parse(IReadOnlyDictionary<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int? Int(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var size = Int("adet");
        return new QueueUrl
        {
            View = ViewNames.Where(v => v.Name == Get("gorunum")).Select(v => v.View).DefaultIfEmpty(QueueView.AllOpen).First(),
            Search = Get("ara"),
            Status = TicketLifecycle.FromExternal(Get("durum")),
            Priority = TicketLifecycle.FromEnglish(Get("oncelik")),
            CategoryId = Int("kategori"),
            DepartmentId = Int("departman"),
            AssigneeId = Int("atanan"),
            CreatedFrom = Day("baslangic"),
            CreatedTo = Day("bitis"),
            Sort = SortNames.Where(s => s.Name == Get("sirala")).Select(s => s.Sort).DefaultIfEmpty(QueueSort.Newest).First(),
            Page = Math.Max(0, (Int("sayfa") ?? 1) - 1),
            PageSize = size is { } n && PageSizes.Contains(n) ? n : DefaultPageSize,
        };
    }

    /// <summary>The query values to write into the address; null values are left out.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["gorunum"] = View == QueueView.AllOpen ? null : ViewNames.Single(v => v.View == View).Name,
        ["ara"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        ["durum"] = Status is { } s ? TicketLifecycle.ToExternal(s) : null,
        ["oncelik"] = Priority is { } p ? TicketLifecycle.ToEnglish(p) : null,
        ["kategori"] = CategoryId,
        ["departman"] = DepartmentId,
        ["atanan"] = AssigneeId,
        ["baslangic"] = CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["bitis"] = CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["sirala"] = Sort == QueueSort.Newest ? null : SortNames.Single(x => x.Sort == Sort).Name,
        ["sayfa"] = Page == 0 ? null : Page + 1,
        ["adet"] = PageSize == DefaultPageSize ? null : PageSize,
    };

    /// <summary>The grid column a sort belongs to (the TicketRow property) and whether it runs descending.</summary>
    public static (string Column, bool Descending) ColumnOf(QueueSort sort) => sort switch
    {
        QueueSort.Oldest => (nameof(TicketRow.CreatedAt), false),
        QueueSort.RecentlyUpdated => (nameof(TicketRow.UpdatedAt), true),
        QueueSort.LeastRecentlyUpdated => (nameof(TicketRow.UpdatedAt), false),
        QueueSort.PriorityHighFirst => (nameof(TicketRow.Priority), true),
        QueueSort.PriorityLowFirst => (nameof(TicketRow.Priority), false),
        QueueSort.Number => (nameof(TicketRow.Number), false),
        QueueSort.NumberDescending => (nameof(TicketRow.Number), true),
        QueueSort.SlaDueSoonest => (nameof(TicketRow.SlaDueAt), false),
        QueueSort.SlaDueLatest => (nameof(TicketRow.SlaDueAt), true),
        _ => (nameof(TicketRow.CreatedAt), true),
    };

    /// <summary>The sort for a grid column and direction; an unsortable or cleared column is the default order.</summary>
    public static QueueSort SortOf(string? column, bool descending) => column switch
    {
        nameof(TicketRow.CreatedAt) => descending ? QueueSort.Newest : QueueSort.Oldest,
        nameof(TicketRow.UpdatedAt) => descending ? QueueSort.RecentlyUpdated : QueueSort.LeastRecentlyUpdated,
        nameof(TicketRow.Priority) => descending ? QueueSort.PriorityHighFirst : QueueSort.PriorityLowFirst,
        nameof(TicketRow.Number) => descending ? QueueSort.NumberDescending : QueueSort.Number,
        nameof(TicketRow.SlaDueAt) => descending ? QueueSort.SlaDueLatest : QueueSort.SlaDueSoonest,
        _ => QueueSort.Newest,
    };
}

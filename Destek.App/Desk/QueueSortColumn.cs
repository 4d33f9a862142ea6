using Destek.App.Components.Layout;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Destek.App.Desk;

/// <summary>
/// A queue column the server sorts by, with a sort button in its header for each of its keys (the times column has
/// two). The grid's own sorting is off: the queue's address holds the sort, and the grid's sortable header is an icon
/// button component per column in every open circuit. Not a PropertyColumn either: that one compiles its lambda in
/// every circuit, again on each render of the page, and each compiled method's code stays in the process.
/// </summary>
public sealed class QueueSortColumn : TemplateColumn<TicketRow>
{
    private static readonly MarkupString Arrow = PlainButton.Icon(Icons.Material.Filled.ArrowUpward);

    public QueueSortColumn()
    {
        HeaderTemplate = _ => Header;
    }

    /// <summary>The <see cref="TicketRow"/> properties the column sorts by (as <see cref="QueueUrl.ColumnOf"/> names them), with their titles.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<QueueSortKey> Keys { get; set; } = [];

    /// <summary>The queue's sort now.</summary>
    [Parameter]
    public QueueSort Sort { get; set; }

    /// <summary>Asked for a key's other direction, or ascending when the queue is sorted by something else.</summary>
    [Parameter]
    public EventCallback<QueueSort> SortChanged { get; set; }

    private void Header(RenderTreeBuilder builder)
    {
        var (sorted, descending) = QueueUrl.ColumnOf(Sort);
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "q-sorts");
        foreach (var key in Keys)
        {
            var ascending = key.Key == sorted && !descending;
            var next = QueueUrl.SortOf(key.Key, descending: ascending);
            builder.OpenElement(2, "button");
            builder.AddAttribute(3, "type", "button");
            builder.AddAttribute(4, "class", key.Key != sorted ? "q-sort" : descending ? "q-sort q-sort-desc" : "q-sort q-sort-asc");
            // The state in words for a screen reader; the arrow only shows it.
            builder.AddAttribute(5, "title", key.Key != sorted ? "Bu sütuna göre sıralamak için seçin"
                : descending ? "Azalan sıralı; ters sıralamak için seçin" : "Artan sıralı; ters sıralamak için seçin");
            builder.AddAttribute(6, "onclick", EventCallback.Factory.Create(this, () => SortChanged.InvokeAsync(next)));
            builder.AddContent(7, key.Title);
            builder.AddContent(8, Arrow);
            builder.CloseElement();
        }

        builder.CloseElement();
    }
}

/// <summary>A sort key of a queue column: the <see cref="TicketRow"/> property and the header's word for it.</summary>
public sealed record QueueSortKey(string Key, string Title);

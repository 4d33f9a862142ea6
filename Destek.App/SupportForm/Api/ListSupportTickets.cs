using System.Globalization;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// GET /api/support/tickets/ (seed-002 list, staff only): filters status (pending, in_progress,
/// resolved, closed), subject, assigned_to, created_at__gte / created_at__lte (date or date-time);
/// search; page and page_size, answered DRF-style {count, next, previous, results}, newest first.
/// </summary>
public static class ListSupportTickets
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const string InvalidPage = "Geçersiz sayfa.";

    public static RouteGroupBuilder MapListSupportTickets(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, SupportTicketQueries queries)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? Text(string name) => query[name].ToString() is { Length: > 0 } v ? v : null;

        TicketStatus? status = null;
        if (Text("status") is { } statusName)
        {
            status = TicketLifecycle.FromSupportForm(statusName);
            if (status is null)
            {
                errors["status"] = [$"Geçerli bir seçim yapın. \"{statusName}\" mevcut seçeneklerden biri değil."];
            }
        }

        int? assignedTo = null;
        if (Text("assigned_to") is { } assignee)
        {
            if (int.TryParse(assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                assignedTo = id;
            }
            else
            {
                errors["assigned_to"] = [$"Geçerli bir seçim yapın. \"{assignee}\" mevcut seçeneklerden biri değil."];
            }
        }

        var from = ParseDate(Text("created_at__gte"), endOfDay: false, "created_at__gte", errors);
        var before = ParseDate(Text("created_at__lte"), endOfDay: true, "created_at__lte", errors);
        var page = ParsePositive(Text("page"), 1, int.MaxValue, "page", "Geçersiz sayfa.", errors);
        var pageSize = ParsePositive(Text("page_size"), DefaultPageSize, MaxPageSize, "page_size", $"Sayfa boyutu 1 ile {MaxPageSize} arasında bir sayı olmalıdır.", errors);
        if (errors.Count > 0)
        {
            return SupportApiResults.Validation(context, errors);
        }

        var filter = new SupportTicketFilter
        {
            Status = status,
            Subject = Text("subject"),
            AssignedTo = assignedTo,
            CreatedFrom = from,
            CreatedBefore = before,
            Search = Text("search"),
        };
        var result = await queries.ListAsync(StaffOnlyFilter.Staff(context), filter, (page - 1) * pageSize, pageSize, context.RequestAborted);
        var lastPage = Math.Max(1, (int)Math.Ceiling(result.Total / (double)pageSize));
        if (page > lastPage)
        {
            // DRF's paginator: a page past the end is a missing resource, not a bad request.
            return SupportApiResults.Detail(context, StatusCodes.Status404NotFound, InvalidPage);
        }

        return Results.Json(new Dictionary<string, object?>
        {
            ["count"] = result.Total,
            ["next"] = page < lastPage ? PageUrl(context, page + 1) : null,
            ["previous"] = page > 1 ? PageUrl(context, page - 1) : null,
            ["results"] = result.Items.Select(t => SupportTicketJson.From(t, context)).ToList(),
        });
    }

    /// <summary>A date (YYYY-MM-DD, the whole day in UTC) or an ISO date-time; null when absent.</summary>
    private static DateTime? ParseDate(string? value, bool endOfDay, string field, Dictionary<string, IReadOnlyList<string>> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment))
        {
            // lte on an exact moment includes it.
            return endOfDay ? moment.AddTicks(1) : moment;
        }

        errors[field] = ["Geçerli bir tarih ya da tarih/saat girin (YYYY-MM-DD veya ISO-8601)."];
        return null;
    }

    private static int ParsePositive(string? value, int fallback, int max, string field, string message, Dictionary<string, IReadOnlyList<string>> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
        {
            return n;
        }

        errors[field] = [message];
        return fallback;
    }

    private static string PageUrl(HttpContext context, int page)
    {
        var request = context.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder(query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { "page", page.ToString(CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, builder.ToQueryString());
    }
}

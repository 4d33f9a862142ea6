using System.Globalization;
using System.Security.Claims;
using Destek.App.Account;
using Destek.App.Platform;
using Destek.Core.Organization;
using Destek.Core.Panel;
using Destek.Core.Tickets;

namespace Destek.App.Desk.Panel;

public static class PanelEndpoints
{
    public const string CsvPath = "/panel/disa-aktar";

    /// <summary>The panel as CSV, for staff: the same figures as the page, scoped the same way.</summary>
    public static IEndpointRouteBuilder MapPanelCsv(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, async (HttpContext http, ClaimsPrincipal user, IdentityOptionsAccessor identity, StaffDirectory directory,
            PanelQueries panel, TicketQueries tickets, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var staff = await directory.FindAsync(user, identity, cancellationToken);
            if (staff is null)
            {
                return Results.Json(Error(http, ApiErrorCodes.Forbidden, null, "Panel yalnızca personel içindir."), statusCode: StatusCodes.Status403Forbidden);
            }

            var query = http.Request.Query;
            var period = PanelPeriod.LastSevenDays(clock.GetUtcNow());
            if (!TryDay(query["baslangic"], period.First, out var first))
            {
                return BadRequest(http, "baslangic", "Başlangıç tarihi YYYY-AA-GG biçiminde olmalıdır.");
            }

            if (!TryDay(query["bitis"], period.Last, out var last))
            {
                return BadRequest(http, "bitis", "Bitiş tarihi YYYY-AA-GG biçiminde olmalıdır.");
            }

            if (last < first)
            {
                return BadRequest(http, "bitis", "Bitiş tarihi başlangıçtan önce olamaz.");
            }

            if (last.DayNumber - first.DayNumber + 1 > PanelPeriod.MaxDays)
            {
                return BadRequest(http, "bitis", $"Aralık en fazla {PanelPeriod.MaxDays} gün olabilir.");
            }

            int? departmentId = null;
            if (query["departman"].ToString() is { Length: > 0 } text)
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return BadRequest(http, "departman", "Departman bir sayı olmalıdır.");
                }

                if (!staff.WorksIn(id))
                {
                    return Results.Json(Error(http, ApiErrorCodes.Forbidden, "departman", "Bu departmanın paneline erişiminiz yok."), statusCode: StatusCodes.Status403Forbidden);
                }

                departmentId = id;
            }

            var report = await panel.ReportAsync(new PanelScope(staff, departmentId), PanelPeriod.Of(first, last), cancellationToken);
            var scopeName = departmentId is int chosen
                ? (await tickets.DepartmentsAsync(cancellationToken)).FirstOrDefault(d => d.Id == chosen)?.Name ?? "#" + chosen.ToString(CultureInfo.InvariantCulture)
                : staff.IsAdmin ? "Tüm departmanlar" : "Departmanlarım";
            var name = FormattableString.Invariant($"panel-{first:yyyy-MM-dd}_{last:yyyy-MM-dd}.csv");
            return Results.File(PanelFormat.Csv(report, scopeName), "text/csv; charset=utf-8", name);
        }).RequireAuthorization(DestekWebExtensions.StaffPolicy);
        return endpoints;
    }

    public static string CsvHref(PanelPeriod period, int? departmentId)
    {
        ArgumentNullException.ThrowIfNull(period);
        var href = FormattableString.Invariant($"{CsvPath}?baslangic={period.First:yyyy-MM-dd}&bitis={period.Last:yyyy-MM-dd}");
        return departmentId is int id ? href + FormattableString.Invariant($"&departman={id}") : href;
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static IResult BadRequest(HttpContext http, string field, string message) =>
        Results.Json(Error(http, ApiErrorCodes.InvalidRequest, field, message), statusCode: StatusCodes.Status400BadRequest);

    private static Dictionary<string, object?> Error(HttpContext http, string code, string? field, string message) => new()
    {
        ["code"] = code,
        ["field"] = field,
        ["message"] = message,
        ["requestId"] = RequestIds.Of(http),
    };
}

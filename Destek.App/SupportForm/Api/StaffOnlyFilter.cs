using Destek.App.Account;
using Destek.App.Platform;
using Destek.Core.Organization;
using Destek.Core;
using Destek.Core.Tickets;
using Microsoft.Extensions.Options;

namespace Destek.App.SupportForm.Api;

/// <summary>
/// the support form document's IsAdminUser, as Destek's staff: a signed-in Admin or Agent. Anonymous callers get 401,
/// others 403, in DRF's shape plus code and requestId. The staff member is kept for the handler.
/// </summary>
public sealed class StaffOnlyFilter(StaffDirectory directory, IdentityOptionsAccessor identity, RateLimits rateLimits, IOptions<DestekOptions> options) : IEndpointFilter
{
    private const string ItemKey = "destek.support.staff";

    public static StaffMember Staff(HttpContext context) =>
        context?.Items[ItemKey] as StaffMember ?? throw new InvalidOperationException("StaffOnlyFilter did not run.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return SupportApiResults.Detail(http, StatusCodes.Status401Unauthorized, "Kimlik doğrulama bilgileri sağlanmadı.");
        }

        var staff = await directory.FindAsync(http.User, identity, http.RequestAborted);
        if (staff is null)
        {
            return SupportApiResults.Detail(http, StatusCodes.Status403Forbidden, "Bu işlemi yapmak için izniniz bulunmamaktadır.");
        }

        // Per user, like every API (API-CONVENTIONS.md).
        var limit = options.Value.SupportForm.StaffRequestsPerMinute;
        if (!rateLimits.TryAcquire(http, "staff:" + staff.UserId, limit, TimeSpan.FromMinutes(1)))
        {
            return SupportApiResults.Detail(http, StatusCodes.Status429TooManyRequests, $"İstek limiti aşıldı: dakikada en fazla {limit} istek. Retry-After süresi kadar bekleyin.");
        }

        http.Items[ItemKey] = staff;
        return await next(context);
    }
}

using System.Globalization;
using Destek.App.Platform;
using Microsoft.Extensions.Options;

namespace Destek.App.SupportForm;

/// <summary>
/// Ticket creation through the form page and the API shares one budget per client IP: 10 a minute
/// and 100 an hour by default, as two fixed windows in <see cref="RateLimits"/>. The IP comes from
/// <see cref="ClientAddress"/> (the forwarded-headers middleware believes X-Forwarded-For only from
/// trusted proxies).
/// </summary>
public sealed class SupportFormRateLimit(RateLimits limits, ClientAddress client, IOptions<SupportFormOptions> options)
{
    /// <summary>Null when allowed; else the seconds to wait. Sets the X-RateLimit-* headers (and Retry-After).</summary>
    public int? TryAcquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ip = client.Of(context).ToString();
        var settings = options.Value;
        // The hour first, so the headers a caller reads describe the tighter per-minute window.
        var allowed = limits.TryAcquire(context, $"support-create:hour:{ip}", settings.PerHour, TimeSpan.FromHours(1))
            && limits.TryAcquire(context, $"support-create:minute:{ip}", settings.PerMinute, TimeSpan.FromMinutes(1));
        if (allowed)
        {
            return null;
        }

        return int.TryParse(context.Response.Headers.RetryAfter.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 60;
    }
}

using System.Net;

namespace Destek.App.Platform;

/// <summary>
/// The caller's IP: X-Forwarded-For is believed only when the connection comes from a trusted proxy
/// (Destek:TrustedProxies, loopback by default), so a visitor cannot pick their own rate-limit bucket.
/// </summary>
public sealed class ClientAddress(IConfiguration configuration)
{
    private readonly IPAddress[] _trusted = (configuration.GetSection("Destek:TrustedProxies").Get<string[]>() ?? [])
        .Select(IPAddress.Parse).ToArray();

    public IPAddress Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        if (!IsTrusted(remote))
        {
            return remote;
        }

        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is not null && IPAddress.TryParse(last, out var address) ? address : remote;
    }

    private bool IsTrusted(IPAddress address) =>
        IPAddress.IsLoopback(address) || _trusted.Any(t => t.Equals(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
}

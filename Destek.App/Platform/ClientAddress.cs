using System.Net;

namespace Destek.App.Platform;

/// <summary>
/// The caller's IP, as the forwarded-headers middleware left it (see <see cref="TrustedProxies"/>):
/// X-Forwarded-For is believed only from a trusted proxy, so a visitor cannot pick their own rate-limit bucket.
/// </summary>
public sealed class ClientAddress
{
    public IPAddress Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        // One bucket per client whether it reached a dual-stack socket as 203.0.113.9 or ::ffff:203.0.113.9.
        return remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
    }
}

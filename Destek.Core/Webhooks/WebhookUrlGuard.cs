using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Destek.Core.Webhooks;

/// <summary>
/// SSRF guard (API-CONVENTIONS.md): webhook URLs must be http(s); targets on loopback, private,
/// link-local (and other non-public) addresses are refused unless Destek:Webhooks:AllowPrivateNetworks
/// is explicitly true. It does not look at the environment name: a Development or Staging host that
/// can reach a cloud metadata endpoint is as exposed as Production. The check runs when a URL is saved and again on
/// every connection, on the addresses actually dialled, so a DNS answer that changes later
/// (rebinding) cannot slip past it.
/// </summary>
public sealed class WebhookUrlGuard
{
    public WebhookUrlGuard(IOptions<WebhookOptions> options)
        : this(options?.Value.AllowPrivateNetworks ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public WebhookUrlGuard(bool allowPrivateNetworks) => AllowPrivateNetworks = allowPrivateNetworks;

    public bool AllowPrivateNetworks { get; }

    /// <summary>Parses and checks a URL an admin typed; throws a message for a person when refused.</summary>
    public async Task<Uri> CheckAsync(string? url, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new WebhookAdminException("Webhook URL'i http:// veya https:// ile başlayan geçerli bir adres olmalıdır.");
        }

        if (url.Length > WebhookSubscription.UrlMaxLength)
        {
            throw new WebhookAdminException($"Webhook URL'i en fazla {WebhookSubscription.UrlMaxLength} karakter olabilir.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new WebhookAdminException("Webhook URL'i kullanıcı adı/parola içeremez.");
        }

        if (!AllowPrivateNetworks)
        {
            IPAddress[] addresses;
            try
            {
                addresses = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.DnsSafeHost, out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
            }
            catch (SocketException)
            {
                throw new WebhookAdminException($"Webhook adresi çözülemedi: {uri.Host}");
            }

            if (addresses.Length == 0 || addresses.Any(IsBlocked))
            {
                throw new WebhookAdminException("Webhook adresi yerel, özel veya link-local bir ağa çıkıyor; bu adreslere gönderim kapalı.");
            }
        }

        return uri;
    }

    /// <summary>The addresses of a host this process may connect to for a delivery.</summary>
    public IPAddress[] Permitted(IEnumerable<IPAddress> addresses) =>
        AllowPrivateNetworks ? addresses.ToArray() : addresses.Where(a => !IsBlocked(a)).ToArray();

    public static bool IsBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsBlockedV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsBlockedV6(address),
            _ => true,
        };
    }

    private static bool IsBlockedV4(ReadOnlySpan<byte> b) => b[0] switch
    {
        0 or 10 or 127 => true,
        100 => b[1] is >= 64 and <= 127, // carrier-grade NAT
        169 => b[1] == 254, // link-local (cloud metadata)
        172 => b[1] is >= 16 and <= 31,
        192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
        198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
        203 => b[1] == 0 && b[2] == 113,
        >= 224 => true, // multicast, reserved and broadcast
        _ => false,
    };

    /// <summary>
    /// IPv6 has several spellings that a dual-stack socket or a NAT64 gateway turns into an IPv4
    /// connection: each is judged by the IPv4 address it carries, so ::ffff:127.0.0.1 is loopback.
    /// </summary>
    private static bool IsBlockedV6(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6Teredo)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        var prefix = b.AsSpan(0, 12);
        var embedded = b.AsSpan(12, 4);
        if (prefix.IndexOfAnyExcept((byte)0) < 0)
        {
            // ::/96, the deprecated IPv4-compatible form (::127.0.0.1), plus :: and ::1: nothing public lives here.
            return true;
        }

        if (address.IsIPv4MappedToIPv6 // ::ffff:a.b.c.d
            || (b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0) // ::ffff:0:a.b.c.d (SIIT)
            || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)) // 64:ff9b::/96 (NAT64)
        {
            return IsBlockedV4(embedded);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsBlockedV4(b.AsSpan(2, 4)); // 2002::/16 (6to4) carries an IPv4 address after the prefix
        }

        return (b[0] & 0xfe) == 0xfc // unique local fc00::/7
            || (b[0] & 0xff) == 0xfe // fe80::/10 and the rest of fe00::/8
            || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // 64:ff9b:1::/48, local-use NAT64
            || (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0) // 100::/64, discard-only
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8); // 2001:db8::/32, documentation
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Destek.Core.Webhooks;

/// <summary>
/// SSRF guard (API-CONVENTIONS.md): webhook URLs must be http(s); in Production, targets on
/// loopback, private, link-local (and other non-public) addresses are refused unless
/// Destek:Webhooks:AllowPrivateNetworks is true. The check runs when a URL is saved and again on
/// every connection, on the addresses actually dialled, so a DNS answer that changes later
/// (rebinding) cannot slip past it.
/// </summary>
public sealed class WebhookUrlGuard
{
    public WebhookUrlGuard(IOptions<WebhookOptions> options, IHostEnvironment environment)
        : this(!environment.IsProduction() || options.Value.AllowPrivateNetworks)
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
                addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
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
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127, // carrier-grade NAT
                169 => b[1] == 254, // link-local (cloud metadata)
                172 => b[1] is >= 16 and <= 31,
                192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
                198 => b[1] is 18 or 19,
                >= 224 => true, // multicast and reserved
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc // unique local fc00::/7
                || address.IsIPv6Teredo;
        }

        return true;
    }
}

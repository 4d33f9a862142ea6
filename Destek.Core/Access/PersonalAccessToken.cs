using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Destek.Core.Access;

/// <summary>
/// A Bearer token of one user (staff today, a customer in the portal later), optionally bound to one
/// organization, with abilities, an expiry and an optional IP/CIDR allowlist. The token is shown once;
/// only its hash is kept, by the house's one rule (<see cref="ApiClient.HashSecret"/>): 32 random bytes
/// need no slow KDF. The lookup goes by that hash, so a presented token costs one indexed read.
/// </summary>
public sealed class PersonalAccessToken
{
    public const string Prefix = "dpat_";
    public const int NameMaxLength = 100;
    public const int MaxAllowlistEntries = 50;

    /// <summary>The lifetimes the document offers (30/90/180/365 days).</summary>
    public static IReadOnlyList<int> ExpiryDays { get; } = [30, 90, 180, 365];

    private PersonalAccessToken()
    {
    }

    public int Id { get; private set; }
    public int UserId { get; private set; }
    public int? OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public List<string> Abilities { get; private set; } = [];
    /// <summary>The first characters of the token, so a person can tell tokens apart in a list.</summary>
    public string Hint { get; private set; } = "";
    /// <summary>Lowercase hex SHA-256 of the token's UTF-8 bytes.</summary>
    public string TokenHash { get; private set; } = "";
    /// <summary>Normalized networks (CIDR); empty means every address.</summary>
    public List<string> AllowedNetworks { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public string? LastUsedAddress { get; private set; }

    public static (PersonalAccessToken Token, string PlainText) Create(
        int userId, int? organizationId, string name, IEnumerable<string> abilities, int expiresInDays, IEnumerable<string> allowlist, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(abilities);
        ArgumentNullException.ThrowIfNull(allowlist);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 2 or > NameMaxLength)
        {
            throw new TokenAdminException($"Token adı 2-{NameMaxLength} karakter olmalıdır.");
        }

        var wanted = abilities.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            throw new TokenAdminException("En az bir yetki seçilmelidir.");
        }

        if (wanted.FirstOrDefault(a => !TokenAbilities.All.Contains(a)) is { } unknown)
        {
            throw new TokenAdminException($"Bilinmeyen yetki: {unknown}. Geçerli yetkiler: {string.Join(", ", TokenAbilities.All)}.");
        }

        if (!ExpiryDays.Contains(expiresInDays))
        {
            throw new TokenAdminException($"Geçerlilik süresi {string.Join(", ", ExpiryDays)} günden biri olmalıdır.");
        }

        var networks = allowlist.Select(e => e.Trim()).Where(e => e.Length > 0).Select(NormalizeNetwork).Distinct(StringComparer.Ordinal).ToList();
        if (networks.Count > MaxAllowlistEntries)
        {
            throw new TokenAdminException($"IP kısıtı en fazla {MaxAllowlistEntries} adres veya ağ içerebilir.");
        }

        var plain = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new PersonalAccessToken
        {
            UserId = userId,
            OrganizationId = organizationId,
            Name = trimmed,
            Abilities = wanted.Order(StringComparer.Ordinal).ToList(),
            Hint = plain[..(Prefix.Length + 6)],
            TokenHash = ApiClient.HashSecret(plain),
            AllowedNetworks = networks,
            CreatedAt = now,
            ExpiresAt = now.AddDays(expiresInDays),
        };
        return (token, plain);
    }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(DateTime now) => now >= ExpiresAt;

    /// <summary>Revoking twice keeps the first time: the moment the token died does not move.</summary>
    public void Revoke(DateTime now) => RevokedAt ??= now;

    /// <summary>
    /// "10.0.0.0/8", "2001:db8::/32", a bare address (as /32 or /128) — written back in one canonical
    /// form, so the allowlist reads the same however it was typed.
    /// </summary>
    public static string NormalizeNetwork(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
        {
            address = Plain(address);
            return $"{address}/{(address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)}";
        }

        // Host bits below the prefix (10.1.2.3/8) are what a typo looks like: refused rather than silently masked.
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && System.Net.IPNetwork.TryParse(entry, out var network)
            && IPAddress.TryParse(entry[..slash], out var written) && network.BaseAddress.Equals(written))
        {
            return network.ToString();
        }

        throw new TokenAdminException($"IP kısıtı geçersiz: '{entry}'. Bir IP adresi (203.0.113.7, 2001:db8::1) ya da ağ (10.0.0.0/8, 2001:db8::/32) yazın.");
    }

    /// <summary>True when the list is empty or one of its networks holds the address (IPv4-mapped IPv6 counts as IPv4).</summary>
    public static bool Allows(IReadOnlyList<string> networks, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(address);
        if (networks.Count == 0)
        {
            return true;
        }

        var plain = Plain(address);
        foreach (var entry in networks)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network) && network.Contains(plain))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>The abilities a personal access token can carry.</summary>
public static class TokenAbilities
{
    public const string EInvoicesRead = "einvoices:read";
    public const string EInvoicesStatus = "einvoices:status";

    /// <summary>The customer API (/api/user/support) acting as the token's owner; only a customer's token carries it.</summary>
    public const string SupportTickets = "support:tickets";

    public static IReadOnlyList<string> All { get; } = [EInvoicesRead, EInvoicesStatus, SupportTickets];

    /// <summary>What an organization's e-invoice token may carry (the admin screen, a customer's organization tokens).</summary>
    public static IReadOnlyList<string> EInvoice { get; } = [EInvoicesRead, EInvoicesStatus];

    public static string Describe(string ability) => ability switch
    {
        EInvoicesRead => "Listeleme, detay ve PDF okuma",
        EInvoicesStatus => "provider-status ile durum geri yazma",
        SupportTickets => "Destek taleplerinizi müşteri API'siyle okuma ve yazma",
        _ => ability,
    };
}

/// <summary>A refused token change (bad name, ability, expiry or allowlist; unknown token): a message for a person.</summary>
public sealed class TokenAdminException(string message) : InvalidOperationException(message);

using System.Security.Cryptography;

namespace Destek.Core.Access;

/// <summary>
/// An organization's X-Api-Key for the invoice platform (seed-001). Sandbox keys start with
/// <c>test_</c>, production keys with <c>live_</c>; the mode is fixed when the key is made. The key is
/// shown once and kept only as its hash by the house's one rule (<see cref="ApiClient.HashSecret"/>):
/// 32 random bytes need no slow KDF, and the lookup goes by the hash (one indexed read).
/// </summary>
public sealed class OrganizationKey
{
    public const string SandboxPrefix = "test_";
    public const string LivePrefix = "live_";
    public const int NameMaxLength = 100;

    private OrganizationKey()
    {
    }

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsSandbox { get; private set; }

    /// <summary>The first characters of the key, so a person can tell keys apart in a list.</summary>
    public string Hint { get; private set; } = "";

    /// <summary>Lowercase hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string KeyHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new key and its plain value, which is never stored.</summary>
    public static (OrganizationKey Key, string PlainText) Create(int organizationId, bool sandbox, string? name, DateTime now)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length > NameMaxLength)
        {
            throw new OrganizationKeyException($"Anahtar adı en fazla {NameMaxLength} karakter olabilir.");
        }

        var plain = (sandbox ? SandboxPrefix : LivePrefix) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var key = new OrganizationKey
        {
            OrganizationId = organizationId,
            Name = trimmed.Length == 0 ? (sandbox ? "Sandbox anahtarı" : "Canlı anahtar") : trimmed,
            IsSandbox = sandbox,
            Hint = plain[..12],
            KeyHash = ApiClient.HashSecret(plain),
            CreatedAt = now,
        };
        return (key, plain);
    }

    /// <summary>Whether a presented value is in the sandbox's form (the stored flag must agree).</summary>
    public static bool LooksSandbox(string presented) => presented.StartsWith(SandboxPrefix, StringComparison.Ordinal);

    /// <summary>Stops the key with this save; revoking twice keeps the first time.</summary>
    public void Revoke(DateTime now) => RevokedAt ??= now;
}

/// <summary>
/// The invoice platform's per-organization settings an admin may change: the request budget per
/// minute (seed-001: 300 by default, "changeable by plan"). No row means the default.
/// </summary>
public sealed class OrganizationKeyPolicy
{
    public const int DefaultRateLimitPerMinute = 300;
    public const int MaxRateLimitPerMinute = 1_000_000;

    private OrganizationKeyPolicy()
    {
    }

    public int OrganizationId { get; private set; }
    public int RateLimitPerMinute { get; private set; } = DefaultRateLimitPerMinute;
    public DateTime UpdatedAt { get; private set; }

    public static OrganizationKeyPolicy Create(int organizationId, int rateLimitPerMinute, DateTime now)
    {
        var policy = new OrganizationKeyPolicy { OrganizationId = organizationId };
        policy.ChangeRateLimit(rateLimitPerMinute, now);
        return policy;
    }

    public void ChangeRateLimit(int rateLimitPerMinute, DateTime now)
    {
        if (rateLimitPerMinute is < 1 or > MaxRateLimitPerMinute)
        {
            throw new OrganizationKeyException($"Dakikalık istek limiti 1 ile {MaxRateLimitPerMinute} arasında olmalıdır.");
        }

        RateLimitPerMinute = rateLimitPerMinute;
        UpdatedAt = now;
    }
}

/// <summary>A refused admin change to organization keys: a message for a person.</summary>
public sealed class OrganizationKeyException(string message) : InvalidOperationException(message);

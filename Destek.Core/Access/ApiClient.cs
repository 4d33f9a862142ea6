using System.Security.Cryptography;
using System.Text;

namespace Destek.Core.Access;

/// <summary>
/// An ERP/CRM system that calls /api/external (the external API's document). The key is public and identifies the
/// client; the secret is shown once and kept only as its SHA-256 hash. Secrets are 32 random bytes,
/// so a plain hash (no slow KDF) is enough: nobody can guess their way back from it.
/// </summary>
public sealed class ApiClient
{
    public const int NameMaxLength = 100;
    public const int DefaultRateLimitPerMinute = 60;
    public const int MaxRateLimitPerMinute = 1_000_000;

    private ApiClient()
    {
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string ApiKey { get; private set; } = "";
    /// <summary>Lowercase hex SHA-256 of the secret's UTF-8 bytes.</summary>
    public string SecretHash { get; private set; } = "";
    /// <summary>Departments the client may open tickets in; empty means all.</summary>
    public List<int> AllowedDepartmentIds { get; private set; } = [];
    public int RateLimitPerMinute { get; private set; } = DefaultRateLimitPerMinute;
    public bool IsActive { get; private set; }
    /// <summary>Bumped on every change that affects authentication, so caches can tell stale entries.</summary>
    public int Version { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SecretRotatedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>A new client and its secret; the secret is never stored and cannot be read back.</summary>
    public static (ApiClient Client, string Secret) Create(string name, IEnumerable<int> allowedDepartmentIds, int rateLimitPerMinute, bool isActive, DateTime now)
    {
        var secret = NewSecret();
        var client = new ApiClient
        {
            ApiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            SecretHash = HashSecret(secret),
            IsActive = isActive,
            CreatedAt = now,
            Version = 1,
        };
        client.Update(name, allowedDepartmentIds, rateLimitPerMinute);
        return (client, secret);
    }

    public void Update(string name, IEnumerable<int> allowedDepartmentIds, int rateLimitPerMinute)
    {
        ArgumentNullException.ThrowIfNull(allowedDepartmentIds);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 2 or > NameMaxLength)
        {
            throw new ExternalApiAdminException($"API client adı 2-{NameMaxLength} karakter olmalıdır.");
        }

        if (rateLimitPerMinute is < 1 or > MaxRateLimitPerMinute)
        {
            throw new ExternalApiAdminException($"Dakikalık istek limiti 1 ile {MaxRateLimitPerMinute} arasında olmalıdır.");
        }

        Name = trimmed;
        AllowedDepartmentIds = allowedDepartmentIds.Distinct().Order().ToList();
        RateLimitPerMinute = rateLimitPerMinute;
        Version++;
    }

    /// <summary>Replaces the secret; the old one stops working with this save.</summary>
    public string RotateSecret(DateTime now)
    {
        var secret = NewSecret();
        SecretHash = HashSecret(secret);
        SecretRotatedAt = now;
        Version++;
        return secret;
    }

    public void Deactivate()
    {
        IsActive = false;
        Version++;
    }

    public void Activate()
    {
        IsActive = true;
        Version++;
    }

    public bool MayUseDepartment(int departmentId) => AllowedDepartmentIds.Count == 0 || AllowedDepartmentIds.Contains(departmentId);

    public static string HashSecret(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "")));

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

/// <summary>A refused admin change (bad name, unknown department, unknown client): a message for a person.</summary>
public sealed class ExternalApiAdminException(string message) : InvalidOperationException(message);

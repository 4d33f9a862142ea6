namespace Destek.Core.Security;

/// <summary>
/// Organisation-wide sign-in rules an admin sets on /ayarlar/guvenlik. One row (Id 1); a missing
/// row means the defaults.
/// </summary>
public sealed class SecuritySettings
{
    public const int SingletonId = 1;

    private SecuritySettings()
    {
    }

    public int Id { get; private set; }

    /// <summary>Staff (Admin, Agent) must have an authenticator app before they reach the desk or the settings.</summary>
    public bool RequireStaffTwoFactor { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static SecuritySettings Defaults() => new() { Id = SingletonId };

    public void SetRequireStaffTwoFactor(bool required, DateTime now)
    {
        RequireStaffTwoFactor = required;
        UpdatedAt = now;
    }
}

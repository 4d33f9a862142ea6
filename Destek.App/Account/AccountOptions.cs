namespace Destek.App.Account;

/// <summary>The "Destek:Accounts" section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Destek:Accounts";

    /// <summary>
    /// Address people reach Destek at, e.g. https://destek.example.com/, used in reset links. Set it in
    /// production: without it the link is built from the request's host.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>How long a password reset link works.</summary>
    public int ResetLinkMinutes { get; set; } = 30;

    /// <summary>How long a sign-up's e-mail confirmation link works.</summary>
    public int ConfirmLinkHours { get; set; } = 48;

    /// <summary>Sign-ups (and confirmation re-sends) per client IP per hour.</summary>
    public int SignUpsPerHour { get; set; } = 10;
}

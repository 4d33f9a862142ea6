namespace Destek.Core;

/// <summary>The "Destek" configuration section.</summary>
public sealed class DestekOptions
{
    public const string Section = "Destek";

    /// <summary>Database file, attachments, mail pickup and keys live here. Relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>"Sqlite" (embedded default) or "PostgreSQL".</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite the default is destek.db in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the source code is offered (AGPL-3.0 asks a network service to say so).</summary>
    public string SourceUrl { get; set; } = "https://github.com/destek/destek";

    /// <summary>Proxies (addresses or CIDR networks, besides loopback) whose forwarded headers are believed.</summary>
    public string[] TrustedProxies { get; set; } = [];

    public TicketOptions Tickets { get; set; } = new();
    public DemoOptions Demo { get; set; } = new();
    public SupportFormOptions SupportForm { get; set; } = new();
}

public sealed class SupportFormOptions
{
    /// <summary>The support form API's per-user budget for staff; generous, since people and their scripts share it.</summary>
    public int StaffRequestsPerMinute { get; set; } = 600;
}

public sealed class TicketOptions
{
    /// <summary>{yyyy} is replaced by the year; the counter restarts for each distinct prefix.</summary>
    public string NumberPrefix { get; set; } = "SUP-{yyyy}-";
    public int NumberDigits { get; set; } = 6;
    /// <summary>Largest attachment accepted from staff, in bytes.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}

public sealed class DemoOptions
{
    public bool Seed { get; set; }
    /// <summary>Password of the demo users; documented in the README.</summary>
    public string Password { get; set; } = "Destek.2026!";
}

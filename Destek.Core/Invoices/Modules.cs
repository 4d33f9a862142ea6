namespace Destek.Core.Invoices;

/// <summary>The paid modules an organization can hold (the document's <c>module:…</c> middleware names).</summary>
public static class ModuleNames
{
    public const string EInvoiceApi = "feature.einvoice_api";
    public const string EInvoiceWebhooks = "feature.einvoice_webhooks";

    public static IReadOnlyList<string> All { get; } = [EInvoiceApi, EInvoiceWebhooks];

    public static string Describe(string module) => module switch
    {
        EInvoiceApi => "E-Fatura API",
        EInvoiceWebhooks => "E-Fatura Webhook'ları",
        _ => module,
    };
}

/// <summary>
/// One organization's licence for one module, valid through <see cref="ValidUntil"/> (a calendar day
/// in Türkiye: the yearly module ends at midnight Europe/Istanbul after that day). Setting a day in
/// the past is how a module is switched off; the row stays, so the screen shows when it lapsed.
/// </summary>
public sealed class OrganizationModule
{
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");

    private OrganizationModule()
    {
    }

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public string Module { get; private set; } = "";
    public DateOnly ValidUntil { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static OrganizationModule Create(int organizationId, string module, DateOnly validUntil, DateTime now)
    {
        if (!ModuleNames.All.Contains(module))
        {
            throw new ModuleAdminException($"Bilinmeyen modül: {module}. Geçerli modüller: {string.Join(", ", ModuleNames.All)}.");
        }

        return new OrganizationModule { OrganizationId = organizationId, Module = module, ValidUntil = validUntil, UpdatedAt = now };
    }

    public void Extend(DateOnly validUntil, DateTime now)
    {
        ValidUntil = validUntil;
        UpdatedAt = now;
    }

    public bool IsActiveAt(DateTimeOffset now) => IsActive(ValidUntil, now);

    /// <summary>Active while Türkiye's calendar day at <paramref name="now"/> is not after <paramref name="validUntil"/>.</summary>
    public static bool IsActive(DateOnly validUntil, DateTimeOffset now) => TodayInTurkey(now) <= validUntil;

    public static DateOnly TodayInTurkey(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Istanbul).DateTime);
}

/// <summary>A refused module change (unknown module or organization): a message for a person.</summary>
public sealed class ModuleAdminException(string message) : InvalidOperationException(message);

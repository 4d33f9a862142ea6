namespace Destek.Core.Invoices;

/// <summary>The "Destek:InvoicePlatform" section: the /v1/invoices platform (seed-001).</summary>
public sealed class InvoicePlatformOptions
{
    public const string Section = "Destek:InvoicePlatform";

    /// <summary>Sandbox invoices are numbered in a series of their own ({yyyy} as for production).</summary>
    public string SandboxNumberPrefix { get; set; } = "TEST-{yyyy}-";

    /// <summary>The provider production invoices are handed to; "manual" (admins decide on the invoice's page) is built in.</summary>
    public string ProductionProvider { get; set; } = ManualInvoiceProvider.ProviderName;

    /// <summary>How long the sandbox simulator keeps an invoice queued before it answers.</summary>
    public int SimulatorDelaySeconds { get; set; } = 5;

    /// <summary>What the simulator answers on its own: "sent" or "failed" (a test can still ask for either with /simulate).</summary>
    public string SimulatorOutcome { get; set; } = "sent";

    /// <summary>How often the job hands queued invoices to their provider.</summary>
    public int ProviderPollSeconds { get; set; } = 2;
}

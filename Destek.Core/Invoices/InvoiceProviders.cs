using Microsoft.Extensions.Options;

namespace Destek.Core.Invoices;

/// <summary>What a provider made of a queued invoice.</summary>
public enum ProviderAnswer
{
    /// <summary>Not yet: ask again on a later run.</summary>
    Wait,
    Sent,
    Failed,
}

public sealed record ProviderDecision(ProviderAnswer Answer, string? Reason = null)
{
    public static readonly ProviderDecision Wait = new(ProviderAnswer.Wait);
}

/// <summary>
/// Where the invoice platform's queued invoices go (seed-001 step 3): the job hands each queued invoice
/// of an <see cref="Automatic"/> provider to it once it is <see cref="MinimumAge"/> old, inside the
/// invoice's write, and records the answer (sent renders the PDF). A provider that is not automatic
/// is driven by people (the manual provider's buttons).
/// </summary>
public interface IInvoiceProvider
{
    /// <summary>Stored on the invoice (<see cref="Invoice.Provider"/>).</summary>
    string Name { get; }

    bool Automatic { get; }

    TimeSpan MinimumAge { get; }

    Task<ProviderDecision> SubmitAsync(Invoice invoice, DateTime now, CancellationToken cancellationToken);
}

/// <summary>
/// The sandbox's provider: moves a queued test invoice to the configured outcome once it has waited
/// <see cref="InvoicePlatformOptions.SimulatorDelaySeconds"/> (on the app's clock, so tests move it).
/// It never sees a production invoice: the platform gives it only sandbox ones.
/// </summary>
public sealed class SandboxInvoiceSimulator(IOptions<InvoicePlatformOptions> options) : IInvoiceProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public bool Automatic => true;

    public TimeSpan MinimumAge => TimeSpan.FromSeconds(Math.Max(0, options.Value.SimulatorDelaySeconds));

    public Task<ProviderDecision> SubmitAsync(Invoice invoice, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!invoice.IsSandbox)
        {
            throw new InvalidOperationException("The simulator only takes sandbox invoices.");
        }

        if (now - invoice.CreatedAt < MinimumAge)
        {
            return Task.FromResult(ProviderDecision.Wait);
        }

        return Task.FromResult(string.Equals(options.Value.SimulatorOutcome, "failed", StringComparison.OrdinalIgnoreCase)
            ? new ProviderDecision(ProviderAnswer.Failed, "Sandbox simülatörü: başarısız")
            : new ProviderDecision(ProviderAnswer.Sent));
    }
}

/// <summary>The built-in production provider: nothing happens on its own; an admin marks the invoice sent or failed on its page.</summary>
public sealed class ManualInvoiceProvider : IInvoiceProvider
{
    public const string ProviderName = "manual";

    public string Name => ProviderName;

    public bool Automatic => false;

    public TimeSpan MinimumAge => TimeSpan.Zero;

    public Task<ProviderDecision> SubmitAsync(Invoice invoice, DateTime now, CancellationToken cancellationToken) => Task.FromResult(ProviderDecision.Wait);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Core.Invoices;

public static class InvoiceCoreExtensions
{
    /// <summary>Invoice options (Destek:Invoices), numbering, the service, PDF rendering and storage, demo data.</summary>
    public static IServiceCollection AddInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvoiceOptions>().Bind(configuration.GetSection(InvoiceOptions.Section));
        services.AddSingleton<InvoiceNumberGenerator>();
        services.AddSingleton<InvoicePdfRenderer>();
        services.AddSingleton<InvoicePdfStore>();
        services.AddSingleton<InvoiceService>();
        services.AddSingleton<InvoiceWebhookRaiser>();
        services.AddSingleton<TicketInvoiceLookup>();
        services.AddSingleton<InvoiceDemoSeeder>();
        services.AddSingleton<InvoicePdfBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<InvoicePdfBackfill>());
        return services;
    }
}

using Destek.App.SupportForm.Api;
using Destek.Core.SupportForm;

namespace Destek.App.SupportForm;

/// <summary>The support form document as Destek's own: the public /destek form and its API (the requester e-mails are the mail outbox's, registered by the host).</summary>
public static class SupportFormExtensions
{
    public static WebApplicationBuilder AddSupportForm(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SupportFormOptions>().Bind(builder.Configuration.GetSection(SupportFormOptions.Section));
        services.AddSingleton<SupportRequestService>();
        services.AddSingleton<SupportTicketQueries>();
        services.AddSingleton<SupportFormRateLimit>();
        return builder;
    }

    /// <summary>The support form document's endpoints under /api/support/tickets (the form page is a routed component).</summary>
    public static IEndpointRouteBuilder MapSupportForm(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapSupportTicketsApi();
        return endpoints;
    }
}

/// <summary>The "Destek:SupportForm" section: anonymous ticket creation limits per client IP (API-CONVENTIONS.md).</summary>
public sealed class SupportFormOptions
{
    public const string Section = "Destek:SupportForm";

    public int PerMinute { get; set; } = 10;
    public int PerHour { get; set; } = 100;
}

using Destek.Core.Tickets;
using Destek.Core.Webhooks;

namespace Destek.App.Cli;

/// <summary>
/// <c>webhooks update --id ID [--url U] [--events e1,e2] [--max-attempts N] [--retry-delay-seconds N]</c> (changes only
/// what is given) and <c>webhooks delete --id ID</c> (deliveries still waiting go with it; the count is printed).
/// </summary>
public static class WebhookCommands
{
    public static async Task<object> UpdateAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var admin = services.GetRequiredService<WebhookAdmin>();
        var id = RequiredInt(args, "id");
        var current = await admin.GetAsync(id) ?? throw new WebhookAdminException($"Webhook bulunamadı: {id}");
        await admin.UpdateAsync(id, args.Optional("url") ?? current.Url,
            args.Optional("events") is null ? current.Events : args.StringList("events"),
            args.OptionalInt("max-attempts") ?? current.MaxAttempts,
            args.OptionalInt("retry-delay-seconds") ?? current.RetryDelaySeconds);
        var updated = await admin.GetAsync(id) ?? current;
        return new
        {
            id = updated.Id,
            api_client_id = updated.ApiClientId,
            url = updated.Url,
            events = updated.Events,
            max_attempts = updated.MaxAttempts,
            retry_delay_seconds = updated.RetryDelaySeconds,
            is_active = updated.IsActive,
            created_at = ExternalFormat.Timestamp(updated.CreatedAt),
        };
    }

    public static async Task<object> DeleteAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var deleted = await services.GetRequiredService<WebhookAdmin>().DeleteAsync(RequiredInt(args, "id"));
        return new { id = deleted.Id, url = deleted.Url, deleted = true, dropped_pending_deliveries = deleted.DroppedPendingDeliveries };
    }

    private static int RequiredInt(CliArguments args, string name)
    {
        args.Required(name);
        return args.OptionalInt(name)!.Value;
    }
}

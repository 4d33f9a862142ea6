using Destek.Core.Access;
using Destek.Core.ExternalApi;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;

namespace Destek.App.Cli;

/// <summary>
/// <c>api-clients create --name N [--departments 1,2] [--rate-limit N]</c>, <c>api-clients rotate-secret --client KEY</c>,
/// <c>api-clients update --client KEY [--name N] [--departments 1,2|all] [--rate-limit N]</c>, <c>api-clients list</c>,
/// <c>webhooks create --client KEY --url U --events e1,e2 [--secret S] [--max-attempts N] [--retry-delay-seconds N]</c>
/// (the other webhook commands are in <see cref="WebhookCommands"/>). Secrets are printed once, here, and never again.
/// </summary>
public static class ApiClientCommands
{
    public static async Task<object> CreateAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var admin = services.GetRequiredService<ApiClientAdmin>();
        var created = await admin.CreateAsync(args.Required("name"), args.IntList("departments").ToList(),
            args.OptionalInt("rate-limit") ?? ApiClient.DefaultRateLimitPerMinute);
        return new { id = created.Id, name = created.Name, api_key = created.ApiKey, api_secret = created.ApiSecret };
    }

    public static async Task<object> RotateSecretAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var admin = services.GetRequiredService<ApiClientAdmin>();
        var rotated = await admin.RotateSecretAsync(await admin.IdOfKeyAsync(args.Required("client")));
        return new { id = rotated.Id, api_key = rotated.ApiKey, api_secret = rotated.ApiSecret };
    }

    /// <summary>Changes only what is given; <c>--departments all</c> (or an empty value) opens every department again.</summary>
    public static async Task<object> UpdateAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var admin = services.GetRequiredService<ApiClientAdmin>();
        var id = await admin.IdOfKeyAsync(args.Required("client"));
        var current = await admin.GetAsync(id) ?? throw new ExternalApiAdminException($"API client bulunamadı: {id}");
        IReadOnlyList<int> departments = args.Optional("departments") switch
        {
            null => current.AllowedDepartmentIds,
            var all when all.Trim().Length == 0 || all.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) => [],
            _ => args.IntList("departments"),
        };
        await admin.UpdateAsync(id, args.Optional("name") ?? current.Name, departments.ToList(), args.OptionalInt("rate-limit") ?? current.RateLimitPerMinute);
        return Json(await admin.GetAsync(id) ?? current);
    }

    public static async Task<object> ListAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var clients = await services.GetRequiredService<ApiClientAdmin>().ListAsync();
        return clients.Select(Json).ToList();
    }

    public static async Task<object> CreateWebhookAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var clientId = await services.GetRequiredService<ApiClientAdmin>().IdOfKeyAsync(args.Required("client"));
        var created = await services.GetRequiredService<WebhookAdmin>().CreateAsync(clientId, args.Required("url"), args.StringList("events"),
            args.Optional("secret"), args.OptionalInt("max-attempts") ?? WebhookSubscription.DefaultMaxAttempts,
            args.OptionalInt("retry-delay-seconds") ?? WebhookSubscription.DefaultRetryDelaySeconds);
        return new { id = created.Id, secret = created.Secret };
    }

    private static object Json(ApiClientSummary c) => new
    {
        id = c.Id,
        name = c.Name,
        api_key = c.ApiKey,
        allowed_departments = c.AllowedDepartmentIds,
        rate_limit_per_minute = c.RateLimitPerMinute,
        is_active = c.IsActive,
        webhooks = c.WebhookCount,
        created_at = ExternalFormat.Timestamp(c.CreatedAt),
        last_used_at = ExternalFormat.Timestamp(c.LastUsedAt),
    };
}

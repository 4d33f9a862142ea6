using Destek.Core.Access;
using Destek.Core.Invoices;

namespace Destek.App.Cli;

/// <summary>
/// The invoice platform's organization keys and settings from the command line:
/// <c>org-keys create --organization ID [--sandbox] [--name N]</c> prints <c>{"id","key"}</c> (the key this once),
/// <c>org-keys list [--organization ID]</c>, <c>org-keys revoke --id N</c>,
/// <c>org-keys rate-limit --organization ID --per-minute N</c>, and
/// <c>org-webhooks create --organization ID --url U [--events invoice.*] [--secret S]</c> prints <c>{"id","secret"}</c>.
/// </summary>
internal static class OrganizationKeyCommands
{
    public static readonly CliCommand[] Commands =
    [
        new("org-keys create", CreateAsync,
            new("organization", CliValue.Number, Required: true), new("sandbox", CliValue.Flag), new("name", CliValue.Text)),
        new("org-keys list", ListAsync, new CliOption("organization", CliValue.Number)),
        new("org-keys revoke", RevokeAsync, new CliOption("id", CliValue.Number, Required: true)),
        new("org-keys rate-limit", RateLimitAsync,
            new("organization", CliValue.Number, Required: true), new("per-minute", CliValue.Number, Required: true)),
        new("org-webhooks create", CreateWebhookAsync,
            new("organization", CliValue.Number, Required: true), new("url", CliValue.Text, Required: true), new("events", CliValue.Texts),
            new("secret", CliValue.Text)),
        new("org-webhooks list", ListWebhooksAsync, new CliOption("organization", CliValue.Number)),
    ];

    private static async Task<object> CreateAsync(IServiceProvider services, CliArguments args)
    {
        var sandbox = args.Optional("sandbox") is { } flag && !string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase);
        var created = await services.GetRequiredService<OrganizationKeyAdmin>().CreateAsync(RequiredInt(args, "organization"), sandbox, args.Optional("name"));
        return new { id = created.Id, key = created.Key };
    }

    private static async Task<object> ListAsync(IServiceProvider services, CliArguments args) =>
        (await services.GetRequiredService<OrganizationKeyAdmin>().ListAsync(args.OptionalInt("organization")))
            .Select(k => new { k.Id, organization = k.OrganizationId, k.Name, sandbox = k.IsSandbox, k.Hint, k.CreatedAt, k.RevokedAt, k.LastUsedAt })
            .ToList();

    private static async Task<object> RevokeAsync(IServiceProvider services, CliArguments args)
    {
        var key = await services.GetRequiredService<OrganizationKeyAdmin>().RevokeAsync(RequiredInt(args, "id"));
        return new { id = key.Id, revoked_at = key.RevokedAt };
    }

    private static async Task<object> RateLimitAsync(IServiceProvider services, CliArguments args)
    {
        var organization = RequiredInt(args, "organization");
        var admin = services.GetRequiredService<OrganizationKeyAdmin>();
        await admin.SetRateLimitAsync(organization, RequiredInt(args, "per-minute"));
        return new { organization, per_minute = await admin.RateLimitAsync(organization) };
    }

    private static async Task<object> CreateWebhookAsync(IServiceProvider services, CliArguments args)
    {
        var created = await services.GetRequiredService<InvoicePlatformWebhookAdmin>().CreateAsync(RequiredInt(args, "organization"), args.Required("url"),
            args.StringList("events"), args.Optional("secret"));
        return new { id = created.Id, secret = created.Secret };
    }

    private static async Task<object> ListWebhooksAsync(IServiceProvider services, CliArguments args) =>
        await services.GetRequiredService<InvoicePlatformWebhookAdmin>().ListAsync(args.OptionalInt("organization"));

    private static int RequiredInt(CliArguments args, string name)
    {
        args.Required(name);
        return args.OptionalInt(name)!.Value;
    }
}

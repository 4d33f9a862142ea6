using Destek.Core.Invoices;
using Destek.Core.Webhooks;

namespace Destek.App.Cli;

/// <summary>
/// seed-003's webhook endpoints from the command line:
/// <c>einvoice-webhooks create --organization ID --url U --events einvoice.*|e1,e2 [--secret S]</c> prints
/// <c>{"id","secret"}</c> (the secret this once; refused while feature.einvoice_webhooks is off), and
/// <c>einvoice-webhooks test --id N</c> posts <c>webhook.test</c> now and prints what the receiver answered.
/// </summary>
public static class EInvoiceWebhookCommands
{
    public static async Task<object> CreateAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var organization = RequiredInt(args, "organization");
        if (!await services.GetRequiredService<InvoiceQueries>().OrganizationExistsAsync(organization))
        {
            throw new WebhookAdminException($"Organizasyon bulunamadı: {organization}.");
        }

        var created = await services.GetRequiredService<WebhookAdmin>().CreateEInvoiceAsync(organization, args.Required("url"),
            args.StringList("events"), args.Optional("secret"));
        return new { id = created.Id, secret = created.Secret };
    }

    /// <summary>Exit 0 whenever the attempt was made: the receiver's answer (or why there was none) is the output.</summary>
    public static async Task<object> TestAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var id = RequiredInt(args, "id");
        var webhook = await services.GetRequiredService<WebhookAdmin>().GetAsync(id);
        if (webhook is not { Kind: WebhookKind.EInvoice })
        {
            throw new WebhookAdminException($"E-fatura webhook'u bulunamadı: {id}");
        }

        var result = await services.GetRequiredService<WebhookDispatcher>().SendTestAsync(id);
        return new
        {
            id,
            @event = EInvoiceEvents.Test,
            status_code = result.StatusCode,
            succeeded = result.Succeeded,
            duration_ms = result.DurationMs,
            error = result.Error,
        };
    }

    private static int RequiredInt(CliArguments args, string name)
    {
        args.Required(name);
        return args.OptionalInt(name)!.Value;
    }
}

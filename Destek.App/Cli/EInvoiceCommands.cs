using System.Globalization;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Destek.Core.Tickets;

namespace Destek.App.Cli;

/// <summary>
/// The e-invoice API's admin commands: <c>einvoice-tokens create --organization ID --name N --abilities einvoices:read[,einvoices:status]
/// --expires-days 30|90|180|365 [--allow-ip 10.0.0.0/8,...] [--owner EMAIL]</c> (the token is printed once, here),
/// <c>organizations list</c>, <c>einvoice-tokens list [--organization ID]</c>, <c>einvoice-tokens revoke --id N</c>,
/// <c>modules set --organization ID --module feature.einvoice_api --until 2027-12-31</c> (a past day switches it off).
/// A token made here belongs to <c>--owner</c>, or else to the oldest active admin: nobody is signed in on a command line.
/// </summary>
public static class EInvoiceCommands
{
    public static async Task<object> CreateTokenAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var admin = services.GetRequiredService<PersonalAccessTokenAdmin>();
        var owner = args.Optional("owner") is { } email ? await admin.UserIdByEmailAsync(email) : await admin.DefaultOwnerAsync();
        var created = await admin.CreateAsync(owner, RequiredInt(args, "organization"), args.Required("name"), args.StringList("abilities"),
            RequiredInt(args, "expires-days"), args.StringList("allow-ip"));
        return new { id = created.Id, token = created.Token, expires_at = ExternalFormat.Timestamp(created.ExpiresAt) };
    }

    public static async Task<object> ListTokensAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tokens = await services.GetRequiredService<PersonalAccessTokenAdmin>().ListAsync(args.OptionalInt("organization"));
        return tokens.Select(t => new
        {
            id = t.Id,
            name = t.Name,
            hint = t.Hint,
            organization_id = t.OrganizationId,
            owner_id = t.UserId,
            abilities = t.Abilities,
            allow_ip = t.AllowedNetworks,
            created_at = ExternalFormat.Timestamp(t.CreatedAt),
            expires_at = ExternalFormat.Timestamp(t.ExpiresAt),
            revoked_at = ExternalFormat.Timestamp(t.RevokedAt),
            last_used_at = ExternalFormat.Timestamp(t.LastUsedAt),
            last_used_ip = t.LastUsedAddress,
        }).ToList();
    }

    public static async Task<object> RevokeTokenAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var id = RequiredInt(args, "id");
        await services.GetRequiredService<PersonalAccessTokenAdmin>().RevokeAsync(id);
        return new { id, revoked = true };
    }

    /// <summary>Every customer organization with its module rows (active or lapsed, and until when).</summary>
    public static async Task<object> ListOrganizationsAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var organizations = await services.GetRequiredService<InvoiceQueries>().OrganizationsAsync();
        var modules = (await services.GetRequiredService<ModuleSwitches>().ListAsync()).ToLookup(m => m.OrganizationId);
        return organizations.Select(o => new
        {
            id = o.Id,
            name = o.Name,
            tax_id = o.TaxId,
            modules = modules[o.Id].Select(ModuleJson).ToList(),
        }).ToList();
    }

    public static async Task<object> SetModuleAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var until = args.Required("until");
        if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new CliUsageException($"--until bir tarih olmalı (YYYY-AA-GG), örneğin 2027-12-31: {until}");
        }

        var state = await services.GetRequiredService<ModuleSwitches>().SetAsync(RequiredInt(args, "organization"), args.Required("module"), day);
        return new { organization_id = state.OrganizationId, module = state.Module, until = Day(state.ValidUntil), active = state.Active };
    }

    private static object ModuleJson(ModuleState state) => new { module = state.Module, until = Day(state.ValidUntil), active = state.Active };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int RequiredInt(CliArguments args, string name)
    {
        args.Required(name);
        return args.OptionalInt(name)!.Value;
    }
}

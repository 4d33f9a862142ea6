using System.Text.Json;
using Destek.Core.Customers;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Invoices;

public sealed record OrganizationListItem(int Id, string Name, string TaxId);

/// <summary>The list's filters (each optional); the API checked their values before.</summary>
public sealed record InvoiceFilter(InvoiceStatus? Status = null, Marketplace? Marketplace = null, InvoiceType? Type = null, DateTime? UpdatedSince = null);

/// <summary>One invoice as the e-invoice API's list and detail show it (no items, no events).</summary>
public sealed record InvoiceRow(
    int Id, string Number, InvoiceStatus Status, InvoiceType Type, DateTime? IssuedAt, Marketplace? Marketplace, string? MarketplaceOrderNo,
    string BuyerName, string? BuyerEmail, string? BuyerPhone,
    decimal Subtotal, decimal TaxTotal, decimal DiscountTotal, decimal GrandTotal, string Currency, DateTime UpdatedAt);

public sealed record InvoiceItemRow(int Id, string Sku, string Name, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal VatAmount, decimal DiscountAmount, decimal Total);

public sealed record InvoiceEventRow(long Id, string Type, string Payload, DateTime CreatedAt);

public sealed record InvoiceDetail(InvoiceRow Invoice, IReadOnlyList<InvoiceItemRow>? Items, IReadOnlyList<InvoiceEventRow>? Events);

public sealed record InvoicePage(IReadOnlyList<InvoiceRow> Rows, int Total, int Page, int PerPage)
{
    public int LastPage => Math.Max(1, (Total + PerPage - 1) / PerPage);
}

/// <summary>
/// The e-invoice API's reads, always inside one organization (another organization's invoice is
/// simply not found). A list page is one query over the (organization, …, id) indexes, projected to
/// the row the API shows, plus one count; no query per invoice.
/// </summary>
public sealed class InvoiceQueries(IDbContextFactory<DestekDbContext> dbFactory, InvoiceWebhookRaiser webhooks)
{
    public async Task<IReadOnlyList<OrganizationListItem>> OrganizationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CustomerOrganization>().AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new OrganizationListItem(o.Id, o.Name, o.TaxId)).ToListAsync(cancellationToken);
    }

    public async Task<bool> OrganizationExistsAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CustomerOrganization>().AnyAsync(o => o.Id == organizationId, cancellationToken);
    }

    /// <summary>Newest first (by id, as the invoices were made); <paramref name="page"/> past the end is an empty page.</summary>
    public async Task<InvoicePage> ListAsync(int organizationId, InvoiceFilter filter, int page, int perPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoices = db.Set<Invoice>().AsNoTracking().Where(i => i.CustomerOrganizationId == organizationId);
        if (filter.Status is { } status)
        {
            invoices = invoices.Where(i => i.Status == status);
        }

        if (filter.Marketplace is { } marketplace)
        {
            invoices = invoices.Where(i => i.Marketplace == marketplace);
        }

        if (filter.Type is { } type)
        {
            invoices = invoices.Where(i => i.Type == type);
        }

        if (filter.UpdatedSince is { } since)
        {
            invoices = invoices.Where(i => i.UpdatedAt >= since);
        }

        var total = await invoices.CountAsync(cancellationToken);
        var rows = total <= (long)(page - 1) * perPage
            ? []
            : await Project(invoices.OrderByDescending(i => i.Id).Skip((page - 1) * perPage).Take(perPage)).ToListAsync(cancellationToken);
        return new InvoicePage(rows, total, page, perPage);
    }

    public async Task<InvoiceDetail?> GetAsync(int organizationId, int id, bool includeItems, bool includeEvents, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Project(db.Set<Invoice>().AsNoTracking().Where(i => i.Id == id && i.CustomerOrganizationId == organizationId))
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var items = includeItems
            ? await db.Set<InvoiceItem>().AsNoTracking().Where(it => it.InvoiceId == id).OrderBy(it => it.LineNo).ThenBy(it => it.Id)
                .Select(it => new InvoiceItemRow(it.Id, it.Sku, it.Name, it.Quantity, it.UnitPrice, it.VatRate, it.VatAmount, it.DiscountAmount, it.LineTotal))
                .ToListAsync(cancellationToken)
            : null;
        var events = includeEvents
            ? await db.Set<InvoiceEvent>().AsNoTracking().Where(e => e.InvoiceId == id).OrderBy(e => e.Id)
                .Select(e => new InvoiceEventRow(e.Id, e.Type, e.Payload, e.CreatedAt))
                .ToListAsync(cancellationToken)
            : null;
        return new InvoiceDetail(row, items, events);
    }

    /// <summary>Which invoice's PDF to serve: its ETTN when it belongs to the organization, else null.</summary>
    public async Task<Guid?> EttnAsync(int organizationId, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == id && i.CustomerOrganizationId == organizationId)
            .Select(i => (Guid?)i.Ettn).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The provider-status write: the organization's invoice takes the provider's word
    /// (<see cref="Invoice.ApplyProviderStatus"/>) and is saved with its new event and the webhook rows
    /// of a status it moved to (einvoice.status_changed / einvoice.cancelled); false when the
    /// organization has no such invoice.
    /// </summary>
    public async Task<bool> ApplyProviderStatusAsync(
        int organizationId, int id, string providerStatus, string? providerInvoiceId, JsonElement? raw, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Id == id && i.CustomerOrganizationId == organizationId, cancellationToken);
        if (invoice is null)
        {
            return false;
        }

        invoice.ApplyProviderStatus(providerStatus, providerInvoiceId, raw, now);
        await webhooks.RaiseAsync(db, invoice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static IQueryable<InvoiceRow> Project(IQueryable<Invoice> invoices) => invoices.Select(i => new InvoiceRow(
        i.Id, i.Number, i.Status, i.Type, i.IssuedAt, i.Marketplace, i.MarketplaceOrderNo, i.BuyerName, i.BuyerEmail, i.BuyerPhone,
        i.Subtotal, i.TaxTotal, i.DiscountTotal, i.GrandTotal, i.Currency, i.UpdatedAt));
}

using System.Text.Json;
using Destek.Core.Customers;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Invoices;

/// <summary>
/// Every invoice write: makes invoices (numbered inside the inserting transaction), moves them through
/// their lifecycle, records provider statuses, and renders the PDF in the save that issues an invoice.
/// Each write is one transaction on a context of its own; the row is locked for the read-then-write.
/// The events a write raises become e-invoice webhook outbox rows in that same transaction.
/// </summary>
public sealed class InvoiceService(
    IDbContextFactory<DestekDbContext> dbFactory,
    InvoiceNumberGenerator numbers,
    InvoicePdfRenderer renderer,
    InvoicePdfStore pdfs,
    TimeProvider clock,
    InvoiceWebhookRaiser webhooks)
{
    /// <summary>A numbered draft. Throws <see cref="InvoiceRuleException"/> for bad input or an unknown organization.</summary>
    public async Task<Invoice> CreateAsync(NewInvoice data, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invoice = Invoice.Create(data, now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.CustomerOrganizations.AnyAsync(o => o.Id == data.CustomerOrganizationId, cancellationToken))
        {
            throw new InvoiceRuleException("Hesap bulunamadı.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        invoice.AssignNumber(await numbers.NextAsync(db, now, cancellationToken));
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(cancellationToken);
        if (await webhooks.RaiseAsync(db, invoice, cancellationToken) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return invoice;
    }

    /// <summary>Issues the invoice and writes its PDF; null when there is no such invoice.</summary>
    public Task<Invoice?> IssueAsync(int invoiceId, CancellationToken cancellationToken = default) =>
        UpdateAsync(invoiceId, (invoice, now) => invoice.Issue(now), cancellationToken);

    /// <summary>
    /// The API's provider-status write (see <see cref="Invoice.ApplyProviderStatus"/>); null when there
    /// is no such invoice in the organization (another organization's invoice is not found either).
    /// </summary>
    public Task<Invoice?> ApplyProviderStatusAsync(int organizationId, int invoiceId, string providerStatus, string? providerInvoiceId, JsonElement? raw, CancellationToken cancellationToken = default) =>
        UpdateAsync(invoiceId, (invoice, now) => invoice.ApplyProviderStatus(providerStatus, providerInvoiceId, raw, now), cancellationToken, organizationId);

    /// <summary>
    /// Loads the invoice (items, organization, event log), applies the change, and saves, in one
    /// transaction holding the row. When the change issued the invoice, its PDF is written before the
    /// commit (a failed render leaves the invoice unissued). Null when the invoice does not exist.
    /// </summary>
    public async Task<Invoice?> UpdateAsync(int invoiceId, Action<Invoice, DateTime> change, CancellationToken cancellationToken = default, int? organizationId = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // SQLite's write transaction already excludes other writers; PostgreSQL needs the row lock.
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "e_invoices" WHERE "Id" = {invoiceId} FOR UPDATE""", cancellationToken);
        }

        var invoice = await db.Invoices
            .Include(i => i.Items)
            .Include(i => i.Events)
            .Include(i => i.CustomerOrganization)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == invoiceId && (organizationId == null || i.CustomerOrganizationId == organizationId), cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        var wasIssued = invoice.HasBeenIssued;
        change(invoice, clock.GetUtcNow().UtcDateTime);
        if (!wasIssued && invoice.HasBeenIssued)
        {
            await WritePdfAsync(invoice, invoice.CustomerOrganization!, cancellationToken);
        }

        await webhooks.RaiseAsync(db, invoice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return invoice;
    }

    /// <summary>Renders and stores the PDF (again) of an issued invoice loaded with its items.</summary>
    public async Task WritePdfAsync(Invoice invoice, CustomerOrganization seller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!invoice.HasBeenIssued)
        {
            throw new InvoiceRuleException("Düzenlenmemiş faturanın PDF'i olmaz.");
        }

        await pdfs.SaveAsync(invoice, renderer.Render(invoice, seller), cancellationToken);
    }
}

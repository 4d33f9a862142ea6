using System.Text.RegularExpressions;
using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Invoices;

public sealed record RequesterOrganization(int Id, string Name, string TaxId);

/// <summary>An invoice as the desk's ticket page shows it: figures, provider, log, and whether its PDF is on disk.</summary>
public sealed record TicketInvoice(
    int Id, string Number, Guid Ettn, InvoiceStatus Status, InvoiceType Type, int OrganizationId, string OrganizationName, DateTime? IssuedAt,
    decimal Subtotal, decimal TaxTotal, decimal DiscountTotal, decimal GrandTotal, string Currency,
    string Provider, string? ProviderStatus, string? ProviderInvoiceId, bool HasPdf, IReadOnlyList<InvoiceEventRow> Events);

/// <summary>The requester's organization (when the requester is a customer account of one) and the invoices the ticket names.</summary>
public sealed record TicketInvoices(RequesterOrganization? Organization, IReadOnlyList<TicketInvoice> Invoices);

/// <summary>
/// What the desk shows beside a ticket: the requester's customer organization, and the invoices the
/// ticket is about, found by their numbers in its subject, description, messages or external
/// reference (a ticket opened from an invoice carries its number there). Staff see invoices only
/// through a ticket they may see, so the ticket page and the staff PDF link ask here.
/// </summary>
public sealed class TicketInvoiceLookup(IDbContextFactory<DestekDbContext> dbFactory, InvoicePdfStore pdfs, IOptions<InvoiceOptions> options)
{
    /// <summary>More than this many numbers in one ticket is a list, not a question about an invoice.</summary>
    public const int MaxInvoices = 5;

    private Regex? _pattern;

    /// <summary>The invoice numbers (the configured format, EA-yyyy-NNNNNN by default) in the texts, first mention first, at most <see cref="MaxInvoices"/>.</summary>
    public IReadOnlyList<string> NumbersIn(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _pattern ??= NumberPattern(options.Value);
        return texts.Where(t => !string.IsNullOrEmpty(t))
            .SelectMany(t => _pattern.Matches(t!).Select(m => m.Value.ToUpperInvariant()))
            .Distinct(StringComparer.Ordinal).Take(MaxInvoices).ToList();
    }

    public async Task<TicketInvoices> ForTicketAsync(TicketDetail ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var numbers = NumbersIn([ticket.Title, ticket.Description, ticket.ExternalRef, .. ticket.Messages.Select(m => m.Body)]).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        RequesterOrganization? organization = null;
        if (ticket.CustomerId is int customerId)
        {
            organization = await db.Users.AsNoTracking().Where(u => u.Id == customerId && u.CustomerOrganizationId != null)
                .Join(db.Set<CustomerOrganization>(), u => u.CustomerOrganizationId, o => (int?)o.Id, (u, o) => new RequesterOrganization(o.Id, o.Name, o.TaxId))
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (numbers.Count == 0)
        {
            return new TicketInvoices(organization, []);
        }

        var rows = await db.Invoices.AsNoTracking().Where(i => numbers.Contains(i.Number))
            .Select(i => new
            {
                i.Id, i.Number, i.Ettn, i.Status, i.Type, i.CustomerOrganizationId, OrganizationName = i.CustomerOrganization!.Name, i.IssuedAt,
                i.Subtotal, i.TaxTotal, i.DiscountTotal, i.GrandTotal, i.Currency, i.Provider, i.ProviderStatus, i.ProviderInvoiceId,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var events = (await db.InvoiceEvents.AsNoTracking().Where(e => ids.Contains(e.InvoiceId))
                .Select(e => new { e.InvoiceId, Row = new InvoiceEventRow(e.Id, e.Type, e.Payload, e.CreatedAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.InvoiceId, e => e.Row);
        var invoices = rows
            .OrderBy(r => numbers.IndexOf(r.Number))
            .Select(r => new TicketInvoice(r.Id, r.Number, r.Ettn, r.Status, r.Type, r.CustomerOrganizationId, r.OrganizationName, r.IssuedAt,
                r.Subtotal, r.TaxTotal, r.DiscountTotal, r.GrandTotal, r.Currency, r.Provider, r.ProviderStatus, r.ProviderInvoiceId,
                r.IssuedAt is not null && File.Exists(pdfs.PathFor(r.Ettn)),
                events[r.Id].OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList()))
            .ToList();
        return new TicketInvoices(organization, invoices);
    }

    private static Regex NumberPattern(InvoiceOptions settings)
    {
        var prefix = Regex.Escape(settings.NumberPrefix).Replace(Regex.Escape("{yyyy}"), @"\d{4}", StringComparison.Ordinal);
        return new Regex($@"(?<![\p{{L}}\p{{N}}]){prefix}\d{{{settings.NumberDigits}}}(?!\p{{N}})",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }
}

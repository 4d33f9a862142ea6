using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Invoices;

public sealed record OrganizationListItem(int Id, string Name, string TaxId);

/// <summary>The e-invoice API's and the admin screens' reads.</summary>
public sealed class InvoiceQueries(IDbContextFactory<DestekDbContext> dbFactory)
{
    public async Task<IReadOnlyList<OrganizationListItem>> OrganizationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Task.CompletedTask;
        return [];
    }
}

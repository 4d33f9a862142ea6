using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Customers;

/// <summary>
/// Tickets filed under an e-mail address (the /destek form, mail) become the account's once the
/// address is confirmed: the ones already there at confirmation here, later ones at create
/// (<see cref="CustomerDirectory.ClaimantAsync"/> from TicketService). A ticket another account
/// already holds stays with it.
/// </summary>
public sealed class CustomerClaims(IDbContextFactory<DestekDbContext> dbFactory)
{
    /// <summary>One set-based update over the RequesterEmail index; returns how many tickets moved.</summary>
    public async Task<int> ClaimExistingAsync(int userId, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ClaimExistingAsync(db, userId, email, cancellationToken);
    }

    /// <summary>The same inside a context the caller holds (an admin creating a confirmed customer).</summary>
    public static Task<int> ClaimExistingAsync(DestekDbContext db, int userId, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim().ToLowerInvariant();
        return db.Tickets
            .Where(t => t.RequesterEmail == address && t.CustomerId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, userId), cancellationToken);
    }
}

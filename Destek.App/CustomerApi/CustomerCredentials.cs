using Destek.App.Account;
using Destek.Core.Customers;
using Destek.Core.Identity;

namespace Destek.App.CustomerApi;

/// <summary>What one kind of credential made of a request.</summary>
public enum CredentialOutcome
{
    /// <summary>This kind of credential is not on the request; the next kind is asked.</summary>
    Absent = 0,
    /// <summary>A customer.</summary>
    Customer = 1,
    /// <summary>A valid credential of someone who is not a customer (staff): 403.</summary>
    NotCustomer = 2,
    /// <summary>Presented but not valid (expired, revoked, unknown): 401.</summary>
    Invalid = 3,
}

public sealed record CredentialResult(CredentialOutcome Outcome, CustomerAccount? Customer = null, string? Message = null)
{
    public static CredentialResult Absent { get; } = new(CredentialOutcome.Absent);
}

/// <summary>
/// One way a customer proves who they are to /api/user. The gate asks each registered kind in turn;
/// the first that finds its credential on the request decides. The session cookie is one kind; a
/// personal access token (<c>Authorization: Bearer</c>, resolved by Destek.Core/Access) slots in as
/// another registration of this interface, before the cookie.
/// </summary>
public interface ICustomerCredential
{
    Task<CredentialResult> ResolveAsync(HttpContext context);
}

/// <summary>The customer's sign-in cookie (SameSite=Lax, revalidated against the account on every request).</summary>
public sealed class CustomerSessionCredential(CustomerDirectory customers, IdentityOptionsAccessor identity) : ICustomerCredential
{
    public async Task<CredentialResult> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || identity.UserIdOf(user) is not int userId)
        {
            return CredentialResult.Absent;
        }

        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Agent))
        {
            return new CredentialResult(CredentialOutcome.NotCustomer, Message: "Personel hesapları müşteri API'sini kullanamaz; bir müşteri hesabıyla giriş yapın.");
        }

        var customer = await customers.FindAsync(userId, context.RequestAborted);
        return customer is null
            ? new CredentialResult(CredentialOutcome.NotCustomer, Message: "Bu hesap bir müşteri hesabı değil.")
            : new CredentialResult(CredentialOutcome.Customer, customer);
    }
}

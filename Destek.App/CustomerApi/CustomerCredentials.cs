using Destek.App.Account;
using Destek.App.EInvoiceApi;
using Destek.App.Platform;
using Destek.Core.Access;
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
/// personal access token (<c>Authorization: Bearer</c>, resolved by Destek.Core/Access) is another,
/// asked before the cookie.
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

/// <summary>
/// A personal access token (<c>Authorization: Bearer dpat_...</c>) a customer made in the portal. It acts as
/// its owner only when it carries <see cref="TokenAbilities.SupportTickets"/> and the owner is a customer:
/// a staff member's token, or an organization's e-invoice token, is valid but no customer (403).
/// Unknown, expired and revoked tokens are 401.
/// </summary>
public sealed class CustomerTokenCredential(PersonalAccessTokenValidator tokens, CustomerDirectory customers, ClientAddress clientAddress) : ICustomerCredential
{
    public async Task<CredentialResult> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (EInvoiceApiGate.BearerOf(context.Request) is not { } bearer)
        {
            return CredentialResult.Absent;
        }

        var (check, caller) = await tokens.ValidateAsync(bearer, clientAddress.Of(context), context.RequestAborted);
        switch (check)
        {
            case TokenCheck.Ok:
                break;
            case TokenCheck.Expired:
                return new CredentialResult(CredentialOutcome.Invalid, Message: "Erişim anahtarının süresi dolmuş; portalda (Anahtarlar) yeni bir anahtar oluşturun.");
            case TokenCheck.Revoked:
                return new CredentialResult(CredentialOutcome.Invalid, Message: "Erişim anahtarı iptal edilmiş.");
            case TokenCheck.AddressNotAllowed:
                return new CredentialResult(CredentialOutcome.NotCustomer, Message: "Bu erişim anahtarı bu IP adresinden kullanılamaz.");
            default:
                return new CredentialResult(CredentialOutcome.Invalid, Message: "Erişim anahtarı geçersiz.");
        }

        if (!caller!.Can(TokenAbilities.SupportTickets))
        {
            return new CredentialResult(CredentialOutcome.NotCustomer, Message: $"Bu anahtarın müşteri API'si yetkisi ({TokenAbilities.SupportTickets}) yok.");
        }

        var customer = await customers.FindAsync(caller.UserId, context.RequestAborted);
        return customer is null
            ? new CredentialResult(CredentialOutcome.NotCustomer, Message: "Bu anahtarın sahibi bir müşteri hesabı değil; personel anahtarları müşteri API'sini kullanamaz.")
            : new CredentialResult(CredentialOutcome.Customer, customer);
    }
}

using Destek.App.Account;
using Destek.Core.Customers;
using Destek.Core.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Destek.App.Portal;

/// <summary>
/// The base of every portal page: resolves the signed-in customer (active, confirmed, no staff role) from
/// the authentication state. Staff never see the portal as customers: they are sent to the desk.
/// </summary>
public abstract class PortalPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private CustomerDirectory Customers { get; set; } = default!;

    [Inject] private IdentityOptionsAccessor Identity { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>Null until resolved, and for anyone who is not a customer (they are on their way elsewhere).</summary>
    protected CustomerAccount? Customer { get; private set; }

    /// <summary>Call first in OnInitializedAsync; false means the page must render nothing (the person was redirected).</summary>
    protected async Task<bool> ResolveCustomerAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        if (user is null || user.Identity?.IsAuthenticated != true)
        {
            Navigation.NavigateTo("giris", forceLoad: true);
            return false;
        }

        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Agent))
        {
            Navigation.NavigateTo("masa", forceLoad: true);
            return false;
        }

        Customer = Identity.UserIdOf(user) is int id ? await Customers.FindAsync(id) : null;
        if (Customer is null)
        {
            Navigation.NavigateTo("giris", forceLoad: true);
            return false;
        }

        return true;
    }
}

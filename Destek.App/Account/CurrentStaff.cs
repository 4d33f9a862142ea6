using System.Security.Claims;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Destek.App.Account;

/// <summary>The signed-in staff member of this request or circuit, as the ticket rules see them.</summary>
public sealed class CurrentStaff(AuthenticationStateProvider authentication, StaffDirectory directory, IdentityOptionsAccessor identity)
{
    private StaffMember? _staff;

    public async Task<StaffMember?> GetAsync()
    {
        if (_staff is not null)
        {
            return _staff;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        _staff = await directory.FindAsync(state.User, identity);
        return _staff;
    }

    /// <summary>Forget the cached member, e.g. after their departments changed.</summary>
    public void Reset() => _staff = null;
}

public sealed class IdentityOptionsAccessor(Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
{
    public string UserIdClaimType => options.Value.ClaimsIdentity.UserIdClaimType;

    /// <summary>The signed-in user's id, or null for anonymous callers.</summary>
    public int? UserIdOf(ClaimsPrincipal user) =>
        int.TryParse(user?.FindFirstValue(UserIdClaimType), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

public static class StaffPrincipal
{
    /// <summary>The staff member a request or circuit is signed in as; null for customers and anonymous callers.</summary>
    public static async Task<StaffMember?> FindAsync(this StaffDirectory directory, ClaimsPrincipal user, IdentityOptionsAccessor identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(identity);
        // Staff who must still set up two-factor sign-in act as staff nowhere, the staff API included.
        if (StaffClaimsFactory.MustSetUpTwoFactor(user))
        {
            return null;
        }

        return identity.UserIdOf(user) is int userId ? await directory.FindAsync(userId, cancellationToken) : null;
    }
}

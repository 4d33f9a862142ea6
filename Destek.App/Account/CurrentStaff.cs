using System.Security.Claims;
using Destek.Core.Services;
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
        var id = state.User.FindFirstValue(identity.UserIdClaimType);
        _staff = int.TryParse(id, out var userId) ? await directory.FindAsync(userId) : null;
        return _staff;
    }

    /// <summary>Forget the cached member, e.g. after their departments changed.</summary>
    public void Reset() => _staff = null;
}

public sealed class IdentityOptionsAccessor(Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
{
    public string UserIdClaimType => options.Value.ClaimsIdentity.UserIdClaimType;
}

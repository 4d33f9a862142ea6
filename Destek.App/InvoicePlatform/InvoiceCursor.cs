using System.Globalization;
using System.Security.Cryptography;
using Destek.Core.Invoices;
using Microsoft.AspNetCore.DataProtection;

namespace Destek.App.InvoicePlatform;

/// <summary>
/// The list's <c>page[after]</c>: the last row's (created, id), bound to the caller's organization and
/// mode, sealed with Data Protection (authenticated encryption, keys in the data directory) so it is
/// opaque to the client and any change to it is detected. A cursor of another organization or mode
/// is refused like a tampered one.
/// </summary>
public sealed class InvoiceCursor(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Destek.InvoicePlatform.Cursor.v1");

    public string Seal(PlatformScope scope, PlatformPosition position)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(position);
        return _protector.Protect(string.Join('|',
            scope.OrganizationId.ToString(CultureInfo.InvariantCulture),
            scope.IsSandbox ? "1" : "0",
            position.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
            position.Id.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The position, or null when the cursor was not made by us for this caller.</summary>
    public PlatformPosition? Open(PlatformScope scope, string cursor)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string plain;
        try
        {
            plain = _protector.Unprotect(cursor);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = plain.Split('|');
        return parts.Length == 4
            && parts[0] == scope.OrganizationId.ToString(CultureInfo.InvariantCulture)
            && parts[1] == (scope.IsSandbox ? "1" : "0")
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3_155_378_975_999_999_999
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new PlatformPosition(new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }
}

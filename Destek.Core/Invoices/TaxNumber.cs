using Destek.Core.Tickets;

namespace Destek.Core.Invoices;

/// <summary>Turkish tax ids: VKN (Vergi Kimlik No, 10 digits) for companies, TCKN (11 digits) for persons.</summary>
public static class TaxNumber
{
    /// <summary>A VKN or a TCKN with a correct checksum.</summary>
    public static bool IsValid(string? value) => value?.Length switch
    {
        10 => IsValidVkn(value),
        11 => TcKimlikNo.IsValid(value),
        _ => false,
    };

    /// <summary>The Revenue Administration's VKN check: the last digit from the first nine.</summary>
    public static bool IsValidVkn(string? value)
    {
        if (value is null || value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var digit = (value[i] - '0' + 9 - i) % 10;
            var weighted = digit * (1 << (9 - i)) % 9;
            sum += digit != 0 && weighted == 0 ? 9 : weighted;
        }

        return value[9] - '0' == (10 - (sum % 10)) % 10;
    }
}

using Destek.Core.Organization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Destek.Core.Data.Configurations;

/// <summary>SLA kinds are stored as text (first_response, resolution), readable in reports and SQL.</summary>
internal static class SlaKindColumn
{
    public const int MaxLength = 20;

    public static readonly ValueConverter<SlaKind, string> Converter = new(
        k => k == SlaKind.FirstResponse ? "first_response" : "resolution",
        s => s == "first_response" ? SlaKind.FirstResponse : SlaKind.Resolution);
}

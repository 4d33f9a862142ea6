using Destek.Core.Invoices;

namespace Destek.Core.Customers;

/// <summary>
/// A customer organization (hesap): a company or a person the helpdesk serves, with a tax id.
/// Its users are customer accounts whose <see cref="Identity.AppUser.CustomerOrganizationId"/> points here
/// (an account belongs to at most one organization). Invoices and API tokens belong to it.
/// </summary>
public sealed class CustomerOrganization
{
    public const int NameMaxLength = 200;

    private CustomerOrganization()
    {
    }

    public int Id { get; private set; }

    /// <summary>For customer-facing URLs and APIs; database ids stay on staff surfaces.</summary>
    public Guid PublicId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>VKN (10 digits) for a company, TCKN (11 digits) for a person; checksums verified.</summary>
    public string TaxId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static CustomerOrganization Create(string name, string taxId, DateTime now)
    {
        var organization = new CustomerOrganization { PublicId = Guid.NewGuid(), CreatedAt = now };
        organization.Rename(name, now);
        organization.ChangeTaxId(taxId, now);
        return organization;
    }

    public void Rename(string name, DateTime now)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new InvoiceRuleException("Hesap adı boş olamaz.");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new InvoiceRuleException($"Hesap adı en fazla {NameMaxLength} karakter olabilir.");
        }

        Name = trimmed;
        UpdatedAt = now;
    }

    public void ChangeTaxId(string taxId, DateTime now)
    {
        var trimmed = (taxId ?? "").Trim();
        if (!TaxNumber.IsValid(trimmed))
        {
            throw new InvoiceRuleException("Vergi numarası geçersiz: 10 haneli VKN ya da 11 haneli TCKN olmalı.");
        }

        TaxId = trimmed;
        UpdatedAt = now;
    }
}

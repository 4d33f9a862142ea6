using Destek.Core.Customers;
using Destek.Core.Invoices;
using static Destek.Tests.Invoices.InvoiceTestData;

namespace Destek.Tests.Invoices;

public sealed class TaxNumberChecksums
{
    [Theory]
    [InlineData("1234567890")]
    [InlineData("9876543217")]
    [InlineData("4561237896")]
    public void AcceptsVknWithItsCheckDigit(string vkn)
    {
        Assert.True(TaxNumber.IsValidVkn(vkn));
        Assert.True(TaxNumber.IsValid(vkn));
    }

    [Theory]
    [InlineData("1234567891")]
    [InlineData("9876543210")]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("12345678a0")]
    [InlineData("")]
    [InlineData(null)]
    public void RefusesVknWithAWrongCheckDigitOrShape(string? vkn) => Assert.False(TaxNumber.IsValidVkn(vkn));

    [Theory]
    [InlineData("10000000146")]
    [InlineData("12345678950")]
    public void AcceptsTcknWithBothCheckDigits(string tckn) => Assert.True(TaxNumber.IsValid(tckn));

    [Theory]
    [InlineData("10000000147")] // last digit wrong
    [InlineData("10000000156")] // tenth digit wrong
    [InlineData("01234567890")] // leading zero
    [InlineData("1000000014")]
    [InlineData("100000001460")]
    [InlineData("1000000014x")]
    public void RefusesBadTaxIds(string value) => Assert.False(TaxNumber.IsValid(value));

    [Fact]
    public void AnInvoiceRefusesABuyerWithABadTaxId()
    {
        var error = Assert.Throws<InvoiceRuleException>(() => Invoice.Create(Sale(1, Item(1, 10m, 20m)) with { BuyerTaxId = "1234567891" }, Now));
        Assert.Contains("VKN", error.Message, StringComparison.Ordinal);
        Assert.Equal(ValidTckn, Invoice.Create(Sale(1, Item(1, 10m, 20m)) with { BuyerTaxId = ValidTckn }, Now).BuyerTaxId);
    }

    [Fact]
    public void AnOrganizationNeedsAValidTaxId()
    {
        Assert.Throws<InvoiceRuleException>(() => CustomerOrganization.Create("Acme", "10000000147", Now));
        var organization = CustomerOrganization.Create("  Çınar Elektronik  ", ValidVkn, Now);
        Assert.Equal(("Çınar Elektronik", ValidVkn), (organization.Name, organization.TaxId));
        Assert.NotEqual(Guid.Empty, organization.PublicId);
    }
}

using System.Net;
using Destek.Core.Access;

namespace Destek.Tests.EInvoiceApi;

/// <summary>The guarded creation of a personal access token and its IP allowlist arithmetic.</summary>
public sealed class PersonalAccessTokenRules
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void StoresOnlyTheHashAndShowsTheTokenOnce()
    {
        var (token, plain) = PersonalAccessToken.Create(7, 3, "  Logo ERP  ", ["einvoices:read"], 90, [], Now);
        Assert.StartsWith(PersonalAccessToken.Prefix, plain, StringComparison.Ordinal);
        Assert.Equal(PersonalAccessToken.Prefix.Length + 64, plain.Length);
        Assert.Equal(ApiClient.HashSecret(plain), token.TokenHash);
        Assert.DoesNotContain(plain, token.TokenHash, StringComparison.Ordinal);
        Assert.Equal(plain[..11], token.Hint);
        Assert.Equal("Logo ERP", token.Name);
        Assert.Equal(Now.AddDays(90), token.ExpiresAt);
        Assert.Equal((7, (int?)3), (token.UserId, token.OrganizationId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(366)]
    public void RefusesAnExpiryTheDocumentDoesNotOffer(int days)
    {
        var refused = Assert.Throws<TokenAdminException>(() => PersonalAccessToken.Create(1, 1, "ERP", ["einvoices:read"], days, [], Now));
        Assert.Equal("Geçerlilik süresi 30, 90, 180, 365 günden biri olmalıdır.", refused.Message);
    }

    [Fact]
    public void RefusesUnknownOrMissingAbilitiesAndBadNames()
    {
        Assert.Contains("Bilinmeyen yetki: einvoices:write", Assert.Throws<TokenAdminException>(
            () => PersonalAccessToken.Create(1, 1, "ERP", ["einvoices:read", "einvoices:write"], 30, [], Now)).Message, StringComparison.Ordinal);
        Assert.Equal("En az bir yetki seçilmelidir.", Assert.Throws<TokenAdminException>(
            () => PersonalAccessToken.Create(1, 1, "ERP", [" "], 30, [], Now)).Message);
        Assert.Equal("Token adı 2-100 karakter olmalıdır.", Assert.Throws<TokenAdminException>(
            () => PersonalAccessToken.Create(1, 1, "E", ["einvoices:read"], 30, [], Now)).Message);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7/32")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("2001:db8::1", "2001:db8::1/128")]
    [InlineData("2001:DB8::/32", "2001:db8::/32")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9/32")]
    public void NormalizesAllowlistEntries(string typed, string stored) =>
        Assert.Equal(stored, PersonalAccessToken.NormalizeNetwork(typed));

    [Theory]
    [InlineData("10.1.2.3/8")]
    [InlineData("300.1.1.1")]
    [InlineData("10.0.0.0/33")]
    [InlineData("example.com")]
    public void RefusesAllowlistEntriesThatAreNotAnAddressOrNetwork(string typed)
    {
        var refused = Assert.Throws<TokenAdminException>(() => PersonalAccessToken.Create(1, 1, "ERP", ["einvoices:read"], 30, [typed], Now));
        Assert.Contains($"'{typed}'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.20.30.40", true)]
    [InlineData("::ffff:10.20.30.40", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("2001:db8:1::5", true)]
    [InlineData("2001:db9::5", false)]
    [InlineData("::1", false)]
    public void AllowlistHoldsV4AndV6Networks(string address, bool allowed) =>
        Assert.Equal(allowed, PersonalAccessToken.Allows(["10.0.0.0/8", "2001:db8::/32"], IPAddress.Parse(address)));

    [Fact]
    public void AnEmptyAllowlistAllowsEveryAddress() =>
        Assert.True(PersonalAccessToken.Allows([], IPAddress.Parse("198.51.100.1")));

    [Fact]
    public void RevokingTwiceKeepsTheFirstTime()
    {
        var (token, _) = PersonalAccessToken.Create(1, 1, "ERP", ["einvoices:read"], 30, [], Now);
        token.Revoke(Now.AddHours(1));
        token.Revoke(Now.AddHours(2));
        Assert.Equal(Now.AddHours(1), token.RevokedAt);
    }
}

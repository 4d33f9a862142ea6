using System.Net;
using Destek.Core.Access;
using Destek.Core.Data;
using Destek.Tests.EInvoiceApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Destek.Tests.Access;

/// <summary>
/// A token revoked on one node is refused by another node (its own memory cache, the same database)
/// within a second, not when that node's cached entry lapses after ten.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PersonalAccessTokenRevocation(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>
{
    private static readonly IPAddress Caller = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task ARevokeReachesAnotherNodeWithinASecond()
    {
        var org = await app.NewOrganizationAsync("İki Düğüm A.Ş.");
        var token = await app.NewTokenAsync(org);
        using var otherCache = new MemoryCache(new MemoryCacheOptions());
        var otherNode = new PersonalAccessTokenValidator(app.Get<IDbContextFactory<DestekDbContext>>(), otherCache, app.Clock);
        Assert.Equal(TokenCheck.Ok, (await otherNode.ValidateAsync(token.Token, Caller)).Result); // now cached there for 10 s

        await app.Get<PersonalAccessTokenAdmin>().RevokeAsync(token.Id); // on this node: drops only this node's entry
        app.Clock.Advance(PersonalAccessTokenValidator.RevocationCheck);

        Assert.Equal(TokenCheck.Revoked, (await otherNode.ValidateAsync(token.Token, Caller)).Result);
    }

    [Fact]
    public async Task AnUnrelatedTokenKeepsWorkingAfterAnotherIsRevoked()
    {
        var org = await app.NewOrganizationAsync("Komşu A.Ş.");
        var kept = await app.NewTokenAsync(org);
        var revoked = await app.NewTokenAsync(org);
        var validator = app.Get<PersonalAccessTokenValidator>();
        Assert.Equal(TokenCheck.Ok, (await validator.ValidateAsync(kept.Token, Caller)).Result);

        await app.Get<PersonalAccessTokenAdmin>().RevokeAsync(revoked.Id);
        app.Clock.Advance(PersonalAccessTokenValidator.RevocationCheck);

        Assert.Equal(TokenCheck.Ok, (await validator.ValidateAsync(kept.Token, Caller)).Result);
        Assert.Equal(TokenCheck.Revoked, (await validator.ValidateAsync(revoked.Token, Caller)).Result);
    }
}

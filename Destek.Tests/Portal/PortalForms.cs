using Bunit;
using Destek.App.Portal;
using Destek.Core.Access;
using Destek.Core.Tickets;
using Destek.Tests.Components;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NewTicketPage = Destek.App.Portal.NewTicket;

namespace Destek.Tests.Portal;

/// <summary>"Yeni talep" (/portal/yeni): no name or e-mail to type; the account's are used.</summary>
public sealed class PortalNewTicket(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task AskesNoNameOrEmailAndOpensTheTicketAsTheAccount()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var cut = ctx.RenderAt<NewTicketPage>("portal/yeni");
        cut.WaitForElement("#new-subject");
        Assert.Empty(cut.FindAll("input[type=email], #name, #email"));

        await Find.SelectAsync(cut, "Kategori", "Teknik Destek");
        await Find.SelectAsync(cut, "Öncelik", TicketLifecycle.Label(TicketPriority.High));
        await cut.InvokeAsync(() => Find.ByLabel(cut, "Konu").Input("Rapor indirilmiyor"));
        await cut.InvokeAsync(() => Find.ByLabel(cut, "Mesajınız").Input("Rapor sayfasında indir düğmesi çalışmıyor."));
        await cut.InvokeAsync(() => cut.Find("form.portal-form").Submit());

        cut.WaitForAssertion(() => Assert.StartsWith("portal/talepler/", ctx.Address, StringComparison.Ordinal));
        var id = Guid.Parse(ctx.Address["portal/talepler/".Length..]);
        var stored = await app.WithDbAsync(db => db.Tickets.Include(t => t.Category).SingleAsync(t => t.PublicId == id));
        Assert.Equal(ctx.Customer.UserId, stored.CustomerId);
        Assert.Equal(ctx.Customer.Email, stored.RequesterEmail);
        Assert.Equal(TicketPriority.High, stored.Priority);
        Assert.Equal("teknik_sorun", stored.Category!.Slug);
        Assert.Equal(TicketSource.Portal, stored.Source);
    }

    [Fact]
    public async Task NamesEveryMissingField()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var cut = ctx.RenderAt<NewTicketPage>("portal/yeni");
        cut.WaitForElement("#new-subject");

        await cut.InvokeAsync(() => cut.Find("form.portal-form").Submit());

        cut.WaitForAssertion(() => Assert.Equal("Kategori zorunludur.", cut.Find("#new-category-error").TextContent));
        Assert.Equal("Konu zorunludur.", cut.Find("#new-subject-error").TextContent);
        Assert.Equal("Mesaj boş olamaz.", cut.Find("#new-message-error").TextContent);
        Assert.Equal("true", Find.ByLabel(cut, "Konu").GetAttribute("aria-invalid"));
        Assert.Equal("portal/yeni", ctx.Address);
    }
}

/// <summary>"Profil" (/portal/profil): name, phone and e-mail notifications, saved to the account.</summary>
public sealed class PortalProfilePage(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task SavesNamePhoneAndTurnsNotificationsOff()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var cut = ctx.RenderAt<Profile>("portal/profil");
        cut.WaitForElement("#profile-name");
        Assert.Equal(ctx.Customer.Email, Find.ByLabel(cut, "E-posta").GetAttribute("value"));

        await cut.InvokeAsync(() => Find.ByLabel(cut, "Ad soyad").Change("Zeynep Kaya"));
        await cut.InvokeAsync(() => Find.ByLabel(cut, "Telefon").Change("0532 123 45 67"));
        await cut.InvokeAsync(() => Find.ByLabel(cut, "E-posta bildirimleri").Change(false));
        await cut.InvokeAsync(() => cut.Find("form.portal-form").Submit());

        cut.WaitForAssertion(() => Assert.Equal("Profiliniz kaydedildi.", cut.Find(".portal-notice").TextContent));
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == ctx.Customer.UserId));
        Assert.Equal("Zeynep Kaya", user.FullName);
        Assert.Equal("0532 123 45 67", user.PhoneNumber);
        Assert.False(user.NotifyByEmail);
    }

    [Fact]
    public async Task RefusesABadPhoneAndSavesNothing()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var cut = ctx.RenderAt<Profile>("portal/profil");
        cut.WaitForElement("#profile-name");

        await cut.InvokeAsync(() => Find.ByLabel(cut, "Telefon").Change("12ab"));
        await cut.InvokeAsync(() => cut.Find("form.portal-form").Submit());

        Assert.Equal("Geçerli bir telefon numarası girin.", cut.Find("#profile-phone-error").TextContent);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == ctx.Customer.UserId).Select(u => u.PhoneNumber).SingleAsync()));
    }
}

/// <summary>"Anahtarlar" (/portal/anahtarlar): a customer's personal tokens, shown once, hashed at rest, revoked after asking.</summary>
public sealed class PortalTokens(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task CreatesACustomerApiTokenShownOnceAndStoredAsAHash()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var cut = ctx.RenderAt<Tokens>("portal/anahtarlar");
        cut.WaitForElement("#token-name");
        Assert.Empty(cut.FindAll("#token-scope"));

        await cut.InvokeAsync(() => Find.ByLabel(cut, "Anahtar adı").Input("Muhasebe uygulaması"));
        await Find.SelectAsync(cut, "Geçerlilik süresi", "30 gün");
        await cut.InvokeAsync(() => cut.Find("form.portal-form").Submit());

        var shown = cut.WaitForElement("#token-created").GetAttribute("value")!;
        Assert.StartsWith(PersonalAccessToken.Prefix, shown, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Set<PersonalAccessToken>().SingleAsync(t => t.UserId == ctx.Customer.UserId));
        Assert.Equal(ApiClient.HashSecret(shown), stored.TokenHash);
        Assert.Equal([TokenAbilities.SupportTickets], stored.Abilities);
        Assert.Null(stored.OrganizationId);
        Assert.Equal(30, (int)Math.Round((stored.ExpiresAt - stored.CreatedAt).TotalDays));
        Assert.Contains("Muhasebe uygulaması", cut.Find(".portal-tokens").TextContent, StringComparison.Ordinal);

        // Shown once: a fresh page lists the token by its hint, never the token itself.
        await ctx.DisposeComponentsAsync();
        var again = ctx.RenderAt<Tokens>("portal/anahtarlar");
        again.WaitForAssertion(() => Assert.Contains(stored.Hint, again.Find(".portal-tokens").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(shown, again.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerOfAnOrganizationMakesItsEInvoiceToken()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var first9 = Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var vkn = Enumerable.Range(0, 10).Select(d => first9 + d.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(Destek.Core.Invoices.TaxNumber.IsValidVkn);
        var orgId = await app.WithDbAsync(async db =>
        {
            var org = Destek.Core.Customers.CustomerOrganization.Create("Örnek Yazılım A.Ş.", vkn, DateTime.UtcNow);
            db.Add(org);
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == ctx.Customer.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerOrganizationId, org.Id));
            return org.Id;
        });
        var cut = ctx.RenderAt<Tokens>("portal/anahtarlar");
        cut.WaitForElement("#token-scope");

        await cut.InvokeAsync(() => Find.ByLabel(cut, "Anahtar adı").Input("ERP entegrasyonu"));
        await Find.SelectAsync(cut, "Kullanım", "Örnek Yazılım A.Ş. e-faturaları (e-fatura API'si)");
        await cut.InvokeAsync(() => Find.ByLabel(cut, $"{TokenAbilities.EInvoicesStatus} — {TokenAbilities.Describe(TokenAbilities.EInvoicesStatus)}").Change(true));
        await cut.InvokeAsync(() => cut.Find("form.portal-form").Submit());

        cut.WaitForElement("#token-created");
        var stored = await app.WithDbAsync(db => db.Set<PersonalAccessToken>().SingleAsync(t => t.UserId == ctx.Customer.UserId));
        Assert.Equal(orgId, stored.OrganizationId);
        Assert.Equal([TokenAbilities.EInvoicesRead, TokenAbilities.EInvoicesStatus], stored.Abilities);
    }

    [Fact]
    public async Task RevokesOnlyAfterAsking()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var admin = app.Services.GetService(typeof(PersonalAccessTokenAdmin)) as PersonalAccessTokenAdmin;
        await admin!.CreateAsync(ctx.Customer.UserId, null, "Eski anahtar", [TokenAbilities.SupportTickets], 90, []);
        var cut = ctx.RenderAt<Tokens>("portal/anahtarlar");
        cut.WaitForElement(".portal-tokens");

        await cut.InvokeAsync(() => Find.Button(cut, "Eski anahtar anahtarını iptal et").Click());
        cut.WaitForElement(".mud-dialog");
        await cut.InvokeAsync(() => Find.Button(cut, "Vazgeç").Click());
        Assert.Null(await app.WithDbAsync(db => db.Set<PersonalAccessToken>().Where(t => t.UserId == ctx.Customer.UserId).Select(t => t.RevokedAt).SingleAsync()));

        await cut.InvokeAsync(() => Find.Button(cut, "Eski anahtar anahtarını iptal et").Click());
        cut.WaitForElement(".mud-dialog");
        await cut.InvokeAsync(() => cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "İptal et").Click());

        cut.WaitForAssertion(() => Assert.Contains("İptal edildi", cut.Find(".portal-tokens").TextContent, StringComparison.Ordinal));
        Assert.NotNull(await app.WithDbAsync(db => db.Set<PersonalAccessToken>().Where(t => t.UserId == ctx.Customer.UserId).Select(t => t.RevokedAt).SingleAsync()));
    }
}

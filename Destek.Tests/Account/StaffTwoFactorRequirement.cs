using System.Net;
using Destek.Core.Identity;
using Destek.Core.Security;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>/ayarlar/guvenlik: an admin requires two-factor sign-in for staff; staff without it set it up before the desk or the settings.</summary>
public sealed class StaffTwoFactorRequirement(DestekAppFactory factory) : IClassFixture<DestekAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.Services.GetRequiredService<SecuritySettingsStore>().SetRequireStaffTwoFactorAsync(false);

    [Fact]
    public async Task OnlyAdminsReachTheSwitch()
    {
        var (_, agent) = await NewUserAsync(factory);
        var (_, admin) = await NewUserAsync(factory, Roles.Admin);

        AssertRedirect(await (await SignedInAsync(factory, agent)).GetAsync("/ayarlar/guvenlik"), "/erisim-yok");
        var page = await (await SignedInAsync(factory, admin)).GetAsync("/ayarlar/guvenlik");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Personel (yönetici ve temsilci) için iki adımlı doğrulama zorunlu", await TextAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffWithoutTwoFactorSetItUpBeforeTheDesk()
    {
        var (_, adminEmail) = await NewUserAsync(factory, Roles.Admin);
        var (agentId, agentEmail) = await NewUserAsync(factory);
        var (_, customerEmail) = await NewUserAsync(factory, Roles.Customer);
        var admin = await SignedInAsync(factory, adminEmail);
        var agentBefore = await SignedInAsync(factory, agentEmail);

        var saved = await admin.SubmitAsync("/ayarlar/guvenlik", "guvenlik", new Dictionary<string, string> { ["Input.RequireStaffTwoFactor"] = "true" });
        Assert.Contains("Kaydedildi.", await TextAsync(saved), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Set<SecuritySettings>().AnyAsync(s => s.RequireStaffTwoFactor)));

        // A session opened before the switch is held at the door too, the admin's own included.
        AssertRedirect(await agentBefore.GetAsync("/masa"), "/hesap/iki-adimli");
        AssertRedirect(await admin.GetAsync("/ayarlar"), "/hesap/iki-adimli");

        var agent = NewBrowser(factory);
        AssertRedirect(await agent.SignInAsync(agentEmail, DestekAppFactory.Password), "/hesap/iki-adimli");
        AssertRedirect(await agent.GetAsync("/masa"), "/hesap/iki-adimli");
        AssertRedirect(await agent.GetAsync("/ayarlar"), "/hesap/iki-adimli");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/support/tickets/")).StatusCode);
        var setup = await agent.GetAsync("/hesap/iki-adimli");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("Yöneticiniz personel için iki adımlı doğrulamayı zorunlu kıldı.", await TextAsync(setup), StringComparison.Ordinal);

        await EnableTwoFactorAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/masa")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/support/tickets/")).StatusCode);
        var page = await TextAsync(await agent.GetAsync("/hesap/iki-adimli"));
        Assert.Contains("Yöneticiniz iki adımlı doğrulamayı zorunlu kıldığı için kapatılamaz.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("İki adımlı doğrulamayı kapat</button>", page, StringComparison.Ordinal);
        await agent.SubmitAsync("/hesap/iki-adimli", "kapat", new Dictionary<string, string>());
        Assert.True((await FindAsync(factory, agentId)).TwoFactorEnabled);

        AssertRedirect(await NewBrowser(factory).SignInAsync(customerEmail, DestekAppFactory.Password), "/portal");

        await EnableTwoFactorAsync(admin);
        // Unticked, the box posts nothing; the form's hidden field still does.
        var off = await admin.SubmitAsync("/ayarlar/guvenlik", "guvenlik", new Dictionary<string, string> { ["Input.Posted"] = "true" });
        Assert.Contains("Kaydedildi.", await TextAsync(off), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Set<SecuritySettings>().AnyAsync(s => s.RequireStaffTwoFactor)));
    }
}

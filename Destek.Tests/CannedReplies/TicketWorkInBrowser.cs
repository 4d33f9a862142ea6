using System.Text.RegularExpressions;
using Destek.Core.Data;
using Destek.Core.Mail;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.CannedReplies;

/// <summary>
/// Working a ticket in Chromium: a canned reply inserted with the keyboard alone, a merge through the
/// ticket page, and axe on the new pages (canned replies, the rating link) at 1366 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed partial class TicketWorkInBrowser(BrowserFixture browser)
{
    private T Get<T>()
        where T : notnull => browser.App.Services.GetRequiredService<T>();

    [Fact]
    public async Task AnAgentInsertsACannedReplyWithTheKeyboardAlone()
    {
        var agent = await StaffAsync(DemoSeeder.AgentEmail);
        var title = $"Kargo bilgisi {Guid.NewGuid():N}"[..24];
        await Get<CannedReplyService>().CreateAsync(agent, new CannedReplyDraft(title, "Merhaba {{musteri.ad}}, {{talep.numara}} kargoya verildi. {{temsilci.ad}}"));
        var ticket = await NewTicketAsync("Zeynep Kara", $"zeynep-{Guid.NewGuid():N}@ornek.com");
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AgentEmail, 1366, 900);
        await OpenTicketAsync(page, ticket);

        // The chord is listened for by the picker's module, which the circuit imports after its first render.
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Hazır yanıt ekle" });
        for (var attempt = 0; attempt < 40 && !await search.EvaluateAsync<bool>("input => document.activeElement === input"); attempt++)
        {
            await page.Keyboard.PressAsync("Control+Shift+H");
            await page.WaitForTimeoutAsync(250);
        }

        await Assertions.Expect(search).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(title[..20]);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = title })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        var reply = page.GetByLabel("Yanıt", new() { Exact = true });
        await Assertions.Expect(reply).ToHaveValueAsync($"Merhaba Zeynep Kara, {ticket.Number} kargoya verildi. Mehmet Demir");
        await Assertions.Expect(reply).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "yanıta eklendi" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "talep sayfası (hazır yanıt, birleştir, ayır, memnuniyet)");
    }

    [Fact]
    public async Task AnAgentMergesATicketIntoAnotherOfTheSameRequester()
    {
        var email = $"selin-{Guid.NewGuid():N}@ornek.com";
        var merged = await NewTicketAsync("Selin Yurt", email, "Kargo nerede?");
        var survivor = await NewTicketAsync("Selin Yurt", email, "Fatura hatalı");
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AgentEmail, 1366, 900);
        await OpenTicketAsync(page, merged);

        await page.GetByLabel("Bu talebi şu talebe birleştir").SelectOptionAsync(survivor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Birleştir", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"{merged.Number} kapatılacak");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Birleştir", Exact = true }).ClickAsync();

        await page.WaitForURLAsync($"**/masa/talepler/{survivor.Id}");
        await Assertions.Expect(page.Locator("ol.conversation")).ToContainTextAsync($"[{merged.Number} — Kargo nerede?]");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync($"Birleştirme «{merged.Number}» → «{survivor.Number}»");

        await page.GotoAsync($"/masa/talepler/{merged.Id}");
        await Assertions.Expect(page.GetByText("Birleştirildi:")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{survivor.Number} (Fatura hatalı)" }).ClickAsync();
        await page.WaitForURLAsync($"**/masa/talepler/{survivor.Id}");
        Assert.Equal((TicketStatus.Closed, (int?)survivor.Id),
            await browser.App.WithDbAsync(db => db.Tickets.Where(t => t.Id == merged.Id).Select(t => new ValueTuple<TicketStatus, int?>(t.Status, t.MergedIntoTicketId)).SingleAsync()));
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task TheNewPagesPassAxeAndFlagUnknownPlaceholders(int width, int height)
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.Agent2Email, width, height);
        await page.GotoAsync("/masa/hazir-yanitlar");
        var titleBox = page.GetByLabel("Başlık");
        await Assertions.Expect(titleBox).ToBeEnabledAsync();
        var title = $"Teşekkür {width} {Guid.NewGuid():N}"[..22];
        await titleBox.FillAsync(title);
        await page.GetByLabel("Metin").FillAsync("Teşekkürler {{musteri.ad}}, {{musteri.soyad}}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bilinmeyen yer tutucu: {{musteri.soyad}}");
        await page.GetByLabel("Görünürlük").SelectOptionAsync(new SelectOptionValue { Label = "Paylaşılan" });
        await Assertions.Expect(page.GetByLabel("Kimlerle paylaşılsın")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaydet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"«{title}» yanıtını düzenle" })).ToBeVisibleAsync();
        // axe measures contrast mid-animation; the confirmation snackbar is checked by its own page tests.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoSeriousViolationsAsync(page, $"hazır yanıtlar ({width} px)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling");

        var token = await RatingTokenAsync();
        var anonymous = await Axe.SignedInPageAsync(browser, email: null, width, height);
        await anonymous.GotoAsync($"/degerlendir/{token}?puan=5");
        await Assertions.Expect(anonymous.GetByLabel("5 — Çok iyi")).ToBeCheckedAsync();
        await Axe.AssertNoSeriousViolationsAsync(anonymous, $"değerlendirme bağlantısı ({width} px)");
        await anonymous.GetByLabel("Yorumunuz (isteğe bağlı)").FillAsync("Çok hızlıydı.");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Değerlendirmeyi gönder" }).ClickAsync();
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Status)).ToContainTextAsync("Teşekkür ederiz!");
        await Axe.AssertNoSeriousViolationsAsync(anonymous, $"değerlendirme teşekkürü ({width} px)");
    }

    private async Task OpenTicketAsync(IPage page, Ticket ticket)
    {
        await page.GotoAsync($"/masa/talepler/{ticket.Id}");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{ticket.Number} — {ticket.Title}" }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Durum" })).ToBeEnabledAsync();
    }

    private async Task<Ticket> NewTicketAsync(string name, string email, string title = "Siparişim gelmedi")
    {
        var department = await browser.App.WithDbAsync(db => db.Departments.Where(d => d.Name == ReferenceData.DefaultDepartment).Select(d => d.Id).SingleAsync());
        return await Get<TicketService>().CreateAsync(new NewTicket
        {
            Title = title, Description = "Üç gündür haber yok.", DepartmentId = department, Source = TicketSource.WebForm,
            RequesterName = name, RequesterEmail = email,
        }, Actor.Customer(name, email));
    }

    private async Task<string> RatingTokenAsync()
    {
        var ticket = await NewTicketAsync("Tuna Göl", $"tuna-{Guid.NewGuid():N}@ornek.com");
        await Get<TicketService>().ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, Actor.Staff(await StaffAsync(DemoSeeder.AdminEmail)));
        var body = await browser.App.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.TicketId == ticket.Id && m.Kind == TicketMailHandler.ResolvedKind)
            .Select(m => m.Body).SingleAsync());
        return RatingLink().Match(body).Groups[1].Value;
    }

    private async Task<StaffMember> StaffAsync(string email)
    {
        var id = await browser.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (await Get<StaffDirectory>().FindAsync(id))!;
    }

    [GeneratedRegex(@"/degerlendir/([A-Za-z0-9_-]{43})\?puan=")]
    private static partial Regex RatingLink();
}

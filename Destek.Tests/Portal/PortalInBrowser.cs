using System.Text.RegularExpressions;
using Destek.Core.Identity;
using Destek.Core.Tickets;
using Destek.Tests.Account;
using Destek.Tests.Infrastructure;
using Destek.Tests.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Destek.Tests.Portal;

/// <summary>
/// The app on a real Kestrel port between a real SMTP server (aiosmtpd: the mails it receives are the
/// customer's inbox) and a real IMAP server (dovecot: the support mailbox the intake reads). The
/// Chromium is the browser collection's.
/// </summary>
public sealed class PortalServers : IAsyncLifetime
{
    public ImapServer Imap { get; } = new();
    public AuthSmtpServer Smtp { get; } = new();
    public IntakeAppFactory App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Imap.InitializeAsync(), Smtp.InitializeAsync());
        App = new IntakeAppFactory(Imap.Port, Smtp.Port);
        BaseAddress = App.StartKestrel();
    }

    /// <summary>A fresh context (its own cookies) at a viewport width; the CSP is bypassed so axe can be injected.</summary>
    public async Task<IPage> NewPageAsync(BrowserFixture chromium, int width = 1366, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "tr-TR",
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>The first mail the SMTP server received to <paramref name="to"/> whose subject starts with <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> MailAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var path in Smtp.Received)
            {
                var message = await MimeMessage.LoadAsync(path);
                if (message.Subject?.StartsWith(subject, StringComparison.Ordinal) == true && message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                {
                    return message;
                }
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"No mail «{subject}» to {to} arrived");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }
        }
        finally
        {
            // The mail servers are external processes: stopped even when the app's shutdown fails.
            await Task.WhenAll(Imap.DisposeAsync(), Smtp.DisposeAsync());
        }
    }
}

/// <summary>
/// The customer side end to end in Chromium: sign up, confirm by the mailed link, file a ticket, see a
/// staff reply appear live, answer from the portal and by e-mail through the real IMAP server, close it;
/// another customer never sees any of it; no serious accessibility violation at 1366 and 390 px.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed partial class PortalInBrowser(BrowserFixture chromium, PortalServers servers) : IClassFixture<PortalServers>
{
    private IntakeAppFactory App => servers.App;

    [Fact]
    public async Task ACustomerSignsUpFilesAnswersByPortalAndMailAndClosesWhileAnotherSeesNothing()
    {
        var email = $"musteri-{Guid.NewGuid():N}"[..20] + "@ornek.test";
        var page = await servers.NewPageAsync(chromium);

        // Sign up and confirm by the link in the mail the SMTP server received.
        await page.GotoAsync("kayit");
        await page.GetByLabel("Ad Soyad").FillAsync("Elif Şahin");
        await page.GetByLabel("E-posta").FillAsync(email);
        await page.GetByLabel("Şifre").FillAsync(DestekAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hesap aç" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("onay bağlantısı gönderdik");
        var confirmation = await servers.MailAsync(email, "Destek hesabınızı onaylayın");
        var link = ConfirmLink().Match(confirmation.TextBody ?? confirmation.HtmlBody ?? "").Value;
        Assert.NotEmpty(link);
        await page.GotoAsync(new Uri(link).PathAndQuery.TrimStart('/'));
        await Expect(page.GetByText("E-posta adresiniz onaylandı.")).ToBeVisibleAsync();

        await page.GotoAsync("giris");
        await page.GetByLabel("E-posta").FillAsync(email);
        await page.GetByLabel("Şifre").FillAsync(DestekAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/portal", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Taleplerim" })).ToBeVisibleAsync();
        var nav = page.Locator("nav.side-nav");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Anahtarlar" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Talepler", Exact = true })).ToHaveCountAsync(0);

        // File a ticket: no name or e-mail to type.
        await nav.GetByRole(AriaRole.Link, new() { Name = "Yeni talep" }).ClickAsync();
        var subject = page.GetByLabel("Konu");
        await Expect(subject).ToBeEnabledAsync();
        await page.GetByLabel("Kategori").SelectOptionAsync("teknik_sorun");
        await subject.FillAsync("Rapor indirilmiyor");
        await page.GetByLabel("Mesajınız").FillAsync("Rapor sayfasındaki indir düğmesi hiçbir şey yapmıyor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Talebi gönder" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/portal/talepler/[0-9a-f-]{36}$"), new() { Timeout = 30_000 });
        var publicId = Guid.Parse(page.Url[^36..]);
        var ticket = await App.WithDbAsync(db => db.Tickets.SingleAsync(t => t.PublicId == publicId));
        await Expect(page.GetByText(ticket.Number)).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Mesajınız")).ToBeEnabledAsync();

        // A staff reply appears without reloading.
        var tickets = App.Services.GetRequiredService<TicketService>();
        await tickets.ReplyAsync(ticket.Id, "Tarayıcı önbelleğini temizleyip tekrar dener misiniz?", await MailIntakeKit.AdminAsync(App));
        await Expect(page.GetByText("Tarayıcı önbelleğini temizleyip tekrar dener misiniz?")).ToBeVisibleAsync();
        await Expect(page.Locator(".portal-facts")).ToContainTextAsync("Cevaplandı");

        // Answer from the portal.
        await page.GetByLabel("Mesajınız").FillAsync("Temizledim, yine olmuyor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        await Expect(page.Locator(".portal-message-body").Last).ToHaveTextAsync("Temizledim, yine olmuyor.");
        await Expect(page.Locator(".portal-facts")).ToContainTextAsync("Açık");

        // Answer by e-mail: reply to the staff reply's mail; dovecot holds it until the intake reads it.
        var replyMail = await servers.MailAsync(email, $"Destek Talebiniz Yanıtlandı - {ticket.Number}");
        var answer = MailIntakeKit.Answer("Elif Şahin", email, ((MailboxAddress)replyMail.ReplyTo[0]).Address, "Re: " + replyMail.Subject,
            "Ekran görüntüsünü de gönderiyorum, hata yine var.\n\n> Tarayıcı önbelleğini temizleyip tekrar dener misiniz?\n");
        answer.InReplyTo = replyMail.MessageId;
        await servers.Imap.DeliverAsync(answer);
        await MailIntakeKit.PollAsync(App);
        await Expect(page.Locator(".portal-message-body").Last).ToHaveTextAsync("Ekran görüntüsünü de gönderiyorum, hata yine var.");

        await Axe.AssertNoSeriousViolationsAsync(page, "portal ticket at 1366 px");

        // Close it, after confirming.
        await page.GetByRole(AriaRole.Button, new() { Name = "Talebi kapat" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kapat", Exact = true }).ClickAsync();
        await Expect(page.Locator(".portal-facts")).ToContainTextAsync("Kapatıldı");
        Assert.Equal(TicketStatus.Closed, await App.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.Status).SingleAsync()));

        // The list shows it closed.
        await page.GotoAsync("portal?durum=kapatildi");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rapor indirilmiyor" })).ToBeVisibleAsync();

        // Another customer, in a second browser context, sees none of it: list, direct address, API.
        var (_, otherEmail) = await AccountKit.NewUserAsync(App, Roles.Customer);
        var other = await servers.NewPageAsync(chromium);
        await SignInAsync(other, otherEmail);
        await Expect(other.GetByText("Henüz bir talebiniz yok.")).ToBeVisibleAsync();
        await Expect(other.GetByText("Rapor indirilmiyor")).ToHaveCountAsync(0);
        await other.GotoAsync($"portal/talepler/{publicId:D}");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Talep bulunamadı" })).ToBeVisibleAsync();
        await Expect(other.GetByText("Rapor indirilmiyor")).ToHaveCountAsync(0);
        var api = await other.APIRequest.GetAsync($"api/user/support/tickets/{publicId:D}");
        Assert.Equal(404, api.Status);
        Assert.Equal("not_found", (await api.JsonAsync())?.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task PortalPagesHaveNoSeriousAccessibilityViolations(int width, int height)
    {
        var (userId, email) = await AccountKit.NewUserAsync(App, Roles.Customer);
        var customer = (await App.Services.GetRequiredService<Destek.Core.Customers.CustomerDirectory>().FindAsync(userId))!;
        var created = await App.Services.GetRequiredService<Destek.Core.Customers.CustomerTicketService>().CreateAsync(customer, new Destek.Core.Customers.CustomerTicketRequest
        {
            Subject = "Erişilebilirlik", CategorySlug = "teknik_sorun", Message = "Ekran okuyucuyla deniyorum.",
        });
        var page = await servers.NewPageAsync(chromium, width, height);
        await SignInAsync(page, email);

        foreach (var path in new[] { "portal", $"portal/talepler/{created.Value!.Id:D}", "portal/yeni", "portal/profil", "portal/anahtarlar" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            if (path != "portal")
            {
                // Interactive pages enable their controls once the circuit is live.
                await Expect(page.Locator("main button[type=submit]").First).ToBeEnabledAsync();
            }

            await Axe.AssertNoSeriousViolationsAsync(page, $"/{path} at {width} px");
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"/{path} scrolls sideways at {width} px");
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("giris");
        await page.GetByLabel("E-posta").FillAsync(email);
        await page.GetByLabel("Şifre").FillAsync(DestekAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/portal", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+/eposta-onayla\?[^\s""<>]+")]
    private static partial Regex ConfirmLink();
}

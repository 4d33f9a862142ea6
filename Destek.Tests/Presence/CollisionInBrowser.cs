using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.Presence;

/// <summary>
/// Two agents in two browser contexts on one ticket: each sees the other by name (viewing, typing) on the ticket page
/// and in the queue, and the one who sends after the other replied is warned with that reply first.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class CollisionInBrowser(BrowserFixture browser)
{
    [Fact]
    public async Task ColleagueSeesViewerAndTypistAndIsWarnedBeforeSendingOverTheirReply()
    {
        var ticket = await NewTicketAsync("Çakışma denemesi");
        var mehmet = await OpenAsync(DemoSeeder.AgentEmail, ticket);
        var zeynep = await OpenAsync(DemoSeeder.Agent2Email, ticket);

        var zeynepPresence = zeynep.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Mehmet Demir" });
        await Assertions.Expect(zeynepPresence).ToHaveTextAsync("Mehmet Demir bu talebi görüntülüyor");
        await Assertions.Expect(mehmet.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Zeynep Arslan" }))
            .ToHaveTextAsync("Zeynep Arslan bu talebi görüntülüyor");

        // The queue names who has the ticket open, in words beside its title.
        var queue = await zeynep.Context.NewPageAsync();
        await queue.GotoAsync("/masa");
        var row = queue.Locator(".queue-grid tbody tr").Filter(new() { HasTextString = ticket.Title });
        await Assertions.Expect(row).ToContainTextAsync("Mehmet Demir görüntülüyor");
        await Assertions.Expect(row).Not.ToContainTextAsync("Zeynep Arslan görüntülüyor");

        await zeynep.GetByLabel("Yanıt", new() { Exact = true }).FillAsync("Merhaba, ben de bakıyorum.");
        await mehmet.GetByLabel("Yanıt", new() { Exact = true }).PressSequentiallyAsync("Merhaba");
        await Assertions.Expect(zeynepPresence).ToHaveTextAsync("Mehmet Demir yazıyor");
        await Assertions.Expect(row).ToContainTextAsync("Mehmet Demir yazıyor");

        var mehmetsReply = $"Sorununuz çözüldü, kontrol eder misiniz? ({Guid.NewGuid():N})";
        await mehmet.GetByLabel("Yanıt", new() { Exact = true }).FillAsync(mehmetsReply);
        await mehmet.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        await Assertions.Expect(mehmet.Locator(".mud-snackbar").Filter(new() { HasTextString = "Yanıt gönderildi." })).ToBeVisibleAsync();

        await zeynep.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        var dialog = zeynep.GetByRole(AriaRole.Dialog, new() { Name = "Siz yazarken Mehmet Demir yanıt verdi" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync(mehmetsReply);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Vazgeç" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(0, await RepliesByAsync(ticket.Id, "Zeynep Arslan"));
        await Assertions.Expect(zeynep.GetByLabel("Yanıt", new() { Exact = true })).ToHaveValueAsync("Merhaba, ben de bakıyorum.");

        // Warned once: the next send goes through.
        await zeynep.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        await Assertions.Expect(zeynep.Locator(".mud-snackbar").Filter(new() { HasTextString = "Yanıt gönderildi." })).ToBeVisibleAsync();
        Assert.Equal(1, await RepliesByAsync(ticket.Id, "Zeynep Arslan"));

        // Leaving the ticket takes the name off the other's page.
        await mehmet.GotoAsync("/masa");
        await Assertions.Expect(zeynep.GetByText("Mehmet Demir bu talebi görüntülüyor")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SendAnywayPostsTheReplyAfterTheWarning()
    {
        var ticket = await NewTicketAsync("Yine de gönder denemesi");
        var zeynep = await OpenAsync(DemoSeeder.Agent2Email, ticket);
        await zeynep.GetByLabel("Yanıt", new() { Exact = true }).FillAsync("Yanıtım");

        // The customer answers meanwhile, through the service as the portal would.
        await browser.App.Services.GetRequiredService<TicketService>()
            .ReplyAsync(ticket.Id, "Ek bilgi: hata kodu 42.", Actor.Customer("Ahmet Yılmaz", "ahmet.cakisma@ornek.com.tr"));

        await zeynep.GetByRole(AriaRole.Button, new() { Name = "Yanıtı gönder" }).ClickAsync();
        var dialog = zeynep.GetByRole(AriaRole.Dialog, new() { Name = "Siz yazarken Ahmet Yılmaz yanıt verdi" });
        await Assertions.Expect(dialog).ToContainTextAsync("Ek bilgi: hata kodu 42.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yine de gönder" }).ClickAsync();

        await Assertions.Expect(zeynep.Locator(".mud-snackbar").Filter(new() { HasTextString = "Yanıt gönderildi." })).ToBeVisibleAsync();
        Assert.Equal(1, await RepliesByAsync(ticket.Id, "Zeynep Arslan"));
    }

    private async Task<IPage> OpenAsync(string email, Ticket ticket)
    {
        var page = await browser.SignedInPageAsync(email);
        await page.GotoAsync($"/masa/talepler/{ticket.Id}");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{ticket.Number} — {ticket.Title}" }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Durum" })).ToBeEnabledAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.deskPresence === 'on'");
        return page;
    }

    private Task<int> RepliesByAsync(int ticketId, string author) => browser.App.WithDbAsync(db =>
        db.TicketMessages.CountAsync(m => m.TicketId == ticketId && m.AuthorName == author && m.Kind == MessageKind.PublicReply));

    private async Task<Ticket> NewTicketAsync(string title)
    {
        var department = await browser.App.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());
        return await browser.App.Services.GetRequiredService<TicketService>().CreateAsync(new NewTicket
        {
            Title = $"{title} {Guid.NewGuid():N}"[..40], Description = "Açıklama", DepartmentId = department, Source = TicketSource.WebForm,
            RequesterName = "Ahmet Yılmaz", RequesterEmail = "ahmet.cakisma@ornek.com.tr",
        }, Actor.System);
    }
}

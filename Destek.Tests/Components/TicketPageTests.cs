using System.Text;
using AngleSharp.Dom;
using Bunit;
using Destek.App.Desk;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Components;

internal static class TicketPageMarkup
{
    public static IElement Button(this IRenderedComponent<TicketPage> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    public static IElement DialogButton(this IRenderedComponent<TicketPage> cut, string text) =>
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    public static IReadOnlyList<string> Snackbars(this IRenderedComponent<TicketPage> cut) =>
        cut.FindAll(".mud-snackbar").Select(s => s.TextContent.Trim()).ToList();

    public static void ExpectSnackbar(this IRenderedComponent<TicketPage> cut, string text)
    {
        cut.WaitForAssertion(() => Assert.Contains(cut.Snackbars(), s => s.Contains(text, StringComparison.Ordinal)));
        cut.WaitForIdle();
    }

    /// <summary>The action that showed a message may still be reloading the ticket; its controls are locked until it ends.</summary>
    public static void WaitForIdle(this IRenderedComponent<TicketPage> cut) =>
        cut.WaitForAssertion(() => Assert.False(
            cut.FindAll("button").Single(b => b.TextContent.Trim() == "Yanıtı gönder").HasAttribute("disabled"),
            "the page is still busy"));

    /// <summary>Picks an item as a click or Enter does: the explicit selection of a MudSelect.</summary>
    public static void Pick<T>(this IRenderedComponent<TicketPage> cut, string label, T value) =>
        cut.InvokeAsync(() => cut.FindComponents<MudBlazor.MudSelect<T>>().Single(s => s.Instance.Label == label).Instance.SelectOption(value)).GetAwaiter().GetResult();

    public static string TextOf(this IRenderedComponent<TicketPage> cut, string selector) => cut.Find(selector).TextContent;
}

[Collection(TicketPageCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TicketPageConversation(DestekAppFactory app)
{
    [Fact]
    public async Task TellsCustomerAndStaffMessagesApartAndLabelsInternalNotes()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var agent = Actor.Staff(ctx.Staff);
        await ctx.Tickets.ReplyAsync(ticket.Id, "Kargo firmasına soruyoruz.", agent);
        await ctx.Tickets.AddNoteAsync(ticket.Id, "Depo ile görüşüldü.", agent);
        await ctx.Tickets.ReplyAsync(ticket.Id, "Teşekkürler, bekliyorum.", Actor.Customer("Ayşe Yıldız", ticket.RequesterEmail!));

        var cut = ctx.RenderTicket(ticket);

        var items = cut.FindAll("ol.conversation > li");
        Assert.Equal(["from-customer", "from-staff", "from-staff", "from-customer"], items.Select(li => li.ClassName));
        Assert.Equal(["Müşteri", "Personel", "İç not", "Müşteri"], items.Select(li => li.QuerySelector(".kind")!.TextContent));
        var note = items[2].QuerySelector("article")!;
        Assert.Contains("note", note.ClassList);
        Assert.Equal("İç not: Mehmet Demir", note.GetAttribute("aria-label"));
        Assert.Contains("Müşteri bu notu görmez.", note.TextContent, StringComparison.Ordinal);
        Assert.Equal("Personel: Mehmet Demir", items[1].QuerySelector("article")!.GetAttribute("aria-label"));
        Assert.Equal("Teşekkürler, bekliyorum.", items[3].QuerySelector(".body")!.TextContent);
    }

    [Fact]
    public async Task ShowsImagesInlineAsThumbnailsAndOtherFilesAsLinks()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        IncomingFile File(string name, string type) => new(name, type, 4, () => new MemoryStream(Encoding.UTF8.GetBytes("test")));
        await ctx.Tickets.ReplyAsync(ticket.Id, "Ekran görüntüsü ve fatura ekte.", Actor.Staff(ctx.Staff),
            [File("ekran.png", "image/png"), File("fatura.pdf", "application/pdf")]);
        var files = await app.WithDbAsync(db => db.TicketAttachments.Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());

        var cut = ctx.RenderTicket(ticket);

        var message = cut.FindAll("ol.conversation > li")[1];
        var image = Assert.Single(message.QuerySelectorAll("img"));
        Assert.Equal("ekran.png", image.GetAttribute("alt"));
        Assert.Equal($"masa/ekler/{files[0]}", image.GetAttribute("src"));
        Assert.Equal([$"masa/ekler/{files[0]}", $"masa/ekler/{files[1]}"], message.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["ekran.png", "fatura.pdf"], message.QuerySelectorAll("a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task ListsTheRequestersOtherTicketsTheAgentMaySee()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var email = $"tekrar-{Guid.NewGuid():N}@ornek.com.tr";
        var earlier = await ctx.NewTicketAsync(requesterEmail: email);
        var elsewhere = await ctx.NewTicketAsync("Muhasebe", requesterEmail: email); // agent@ is not in Muhasebe
        var current = await ctx.NewTicketAsync(requesterEmail: email);

        var cut = ctx.RenderTicket(current);

        var links = cut.FindAll("ul.other-tickets a");
        var link = Assert.Single(links);
        Assert.Equal($"masa/talepler/{earlier.Id}", link.GetAttribute("href"));
        Assert.Equal($"{earlier.Number} — {earlier.Title}", link.TextContent);
        Assert.DoesNotContain(elsewhere.Number, cut.Markup, StringComparison.Ordinal);
    }
}

[Collection(TicketPageCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TicketPageReply(DestekAppFactory app)
{
    [Fact]
    public async Task SendsTheReplyClearsTheDraftAndSaysSo()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var cut = ctx.RenderTicket(ticket);

        await cut.InvokeAsync(() => cut.Find("#reply").Change("Kargonuz yarın teslim edilecek."));
        await cut.InvokeAsync(() => cut.Button("Yanıtı gönder").Click());

        cut.ExpectSnackbar("Yanıt gönderildi.");
        var saved = await ctx.ReloadAsync(ticket.Id);
        var reply = Assert.Single(saved.Messages);
        Assert.Equal(("Kargonuz yarın teslim edilecek.", MessageKind.PublicReply, "Mehmet Demir"), (reply.Body, reply.Kind, reply.AuthorName));
        cut.WaitForAssertion(() => Assert.Contains("Kargonuz yarın teslim edilecek.", cut.TextOf("ol.conversation"), StringComparison.Ordinal));
        Assert.Equal("", cut.Find("#reply").GetAttribute("value") ?? "");
        Assert.Equal($"reply.{ticket.Id}", ctx.Draft.VerifyInvoke("clear").Arguments[0]);
    }

    [Fact]
    public async Task EmptyReplyIsRefusedAndNeverShownWithTheSentMessage()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var cut = ctx.RenderTicket(ticket);
        await cut.InvokeAsync(() => cut.Find("#reply").Change("İlk yanıt."));
        await cut.InvokeAsync(() => cut.Button("Yanıtı gönder").Click());
        cut.ExpectSnackbar("Yanıt gönderildi.");

        await cut.InvokeAsync(() => cut.Button("Yanıtı gönder").Click());

        cut.WaitForAssertion(() => Assert.Contains("Yanıt boş olamaz.", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(cut.Snackbars(), s => s.Contains("Yanıt gönderildi", StringComparison.Ordinal));
        Assert.Single((await ctx.ReloadAsync(ticket.Id)).Messages);

        await cut.InvokeAsync(() => cut.Find("#reply").Change("İkinci yanıt."));
        await cut.InvokeAsync(() => cut.Button("Yanıtı gönder").Click());
        cut.ExpectSnackbar("Yanıt gönderildi.");
        Assert.DoesNotContain("Yanıt boş olamaz.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddsAnInternalNoteThatIsMarkedAsSuch()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var cut = ctx.RenderTicket(ticket);

        await cut.InvokeAsync(() => cut.Button("Notu ekle").Click());
        cut.WaitForAssertion(() => Assert.Contains("Not boş olamaz.", cut.Markup, StringComparison.Ordinal));
        await cut.InvokeAsync(() => cut.Find("#note").Change("Müşteri VIP, öncelik verelim."));
        await cut.InvokeAsync(() => cut.Button("Notu ekle").Click());

        cut.ExpectSnackbar("İç not eklendi.");
        var note = Assert.Single((await ctx.ReloadAsync(ticket.Id)).Messages);
        Assert.Equal(MessageKind.InternalNote, note.Kind);
        cut.WaitForAssertion(() => Assert.Equal("İç not", cut.Find("article.note .kind").TextContent));
        Assert.DoesNotContain("Not boş olamaz.", cut.Markup, StringComparison.Ordinal);
    }
}

[Collection(TicketPageCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TicketPageFields(DestekAppFactory app)
{
    [Fact]
    public async Task KeyboardBrowsingInASelectSavesNothing()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var cut = ctx.RenderTicket(ticket);
        var before = await ctx.HistoryCountAsync(ticket.Id);

        // MudSelect hears keys through MudBlazor's key interceptor script, which calls back into .NET.
        var select = cut.Find("#status").Closest("[id^='select']")!.Id!;
        var pressKey = ctx.KeyInterceptorFor(select);
        foreach (var key in new[] { "ArrowDown", "ArrowDown", "ArrowDown", "ArrowUp", "ArrowDown", "End", "Home", "ArrowDown" })
        {
            await cut.InvokeAsync(() => pressKey(key));
        }

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#status").GetAttribute("aria-expanded")));
        Assert.Equal("Açık", cut.Find("#status").GetAttribute("value"));
        Assert.Equal(before, await ctx.HistoryCountAsync(ticket.Id));
        await cut.InvokeAsync(() => pressKey("Enter"));

        // The keys did move the select (Enter picked an item), yet only "Kaydet" writes.
        cut.WaitForAssertion(() => Assert.NotEqual("Açık", cut.Find("#status").GetAttribute("value")));
        Assert.Contains("Kaydedilmedi", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(before, await ctx.HistoryCountAsync(ticket.Id));
        Assert.Equal(TicketStatus.Open, (await ctx.ReloadAsync(ticket.Id)).Status);

        var picked = cut.Find("#status").GetAttribute("value");
        await cut.InvokeAsync(() => cut.Button("Kaydet").Click());
        cut.ExpectSnackbar($"Durum '{picked}' olarak değiştirildi.");
        Assert.Equal(before + 1, await ctx.HistoryCountAsync(ticket.Id));
    }

    [Fact]
    public async Task StatusChangeIsSavedByKaydetAndAnnouncedWithTheNewValue()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var cut = ctx.RenderTicket(ticket);
        Assert.True(cut.Button("Kaydet").HasAttribute("disabled"));

        cut.Pick("Durum", TicketStatus.Resolved);
        cut.Pick("Öncelik", TicketPriority.High);
        Assert.Equal(TicketStatus.Open, (await ctx.ReloadAsync(ticket.Id)).Status);
        await cut.InvokeAsync(() => cut.Button("Kaydet").Click());

        cut.ExpectSnackbar("Durum 'Çözüldü' olarak değiştirildi.");
        cut.ExpectSnackbar("Öncelik 'Yüksek' olarak değiştirildi.");
        var saved = await ctx.ReloadAsync(ticket.Id);
        Assert.Equal((TicketStatus.Resolved, TicketPriority.High), (saved.Status, saved.Priority));
        cut.WaitForAssertion(() => Assert.Contains("Durum «Açık» → «Çözüldü»", cut.TextOf("ol.timeline"), StringComparison.Ordinal));
        Assert.True(cut.Button("Kaydet").HasAttribute("disabled"));
    }

    [Fact]
    public async Task DiscardPutsThePicksBackWithoutSaving()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var cut = ctx.RenderTicket(ticket);

        cut.Pick("Durum", TicketStatus.Closed);
        Assert.Equal("Kapatıldı", cut.Find("#status").GetAttribute("value"));
        await cut.InvokeAsync(() => cut.Button("Vazgeç").Click());

        Assert.Equal("Açık", cut.Find("#status").GetAttribute("value"));
        Assert.Equal(0, await ctx.HistoryCountAsync(ticket.Id));
    }

    [Fact]
    public async Task MovingToADepartmentTheAgentCannotSeeAsksFirstThenLeavesThePage()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var accounting = await app.WithDbAsync(db => db.Departments.Where(d => d.Name == "Muhasebe").Select(d => d.Id).SingleAsync());
        var cut = ctx.RenderTicket(ticket);

        cut.Pick("Departman", accounting);
        Assert.Contains("Bu departmanın taleplerini göremezsiniz.", cut.Markup, StringComparison.Ordinal);
        _ = cut.Button("Kaydet").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Contains("Talep taşınsın mı?", cut.TextOf(".mud-dialog"), StringComparison.Ordinal));
        await cut.InvokeAsync(() => cut.DialogButton("Vazgeç").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.Equal(ticket.DepartmentId, (await ctx.ReloadAsync(ticket.Id)).DepartmentId);

        _ = cut.Button("Kaydet").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Contains("Muhasebe departmanının taleplerini göremezsiniz", cut.TextOf(".mud-dialog"), StringComparison.Ordinal));
        await cut.InvokeAsync(() => cut.DialogButton("Taşı").Click());

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith("/masa", navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(accounting, (await ctx.ReloadAsync(ticket.Id)).DepartmentId);
        // The address changes before the page's last render lands (a CI run under load saw the old heading).
        cut.WaitForAssertion(() =>
        {
            Assert.Contains(cut.Snackbars(), s => s.Contains($"Talep {ticket.Number} 'Muhasebe' departmanına taşındı.", StringComparison.Ordinal));
            Assert.Equal("Talep taşındı", cut.Find("h1").TextContent);
        });
    }

    [Fact]
    public async Task MovingWithinTheAgentsDepartmentsDoesNotAsk()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var it = await app.WithDbAsync(db => db.Departments.Where(d => d.Name == "Bilgi İşlem").Select(d => d.Id).SingleAsync());
        var cut = ctx.RenderTicket(ticket);

        cut.Pick("Departman", it);
        await cut.InvokeAsync(() => cut.Button("Kaydet").Click());

        cut.ExpectSnackbar("Departman 'Bilgi İşlem' olarak değiştirildi.");
        Assert.Empty(cut.FindAll(".mud-dialog"));
        Assert.Equal(it, (await ctx.ReloadAsync(ticket.Id)).DepartmentId);
        Assert.DoesNotContain("masa", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal($"{ticket.Number} — {ticket.Title}", cut.Find("h1").TextContent);
    }
}

[Collection(TicketPageCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TicketPageLive(DestekAppFactory app)
{
    [Fact]
    public async Task RestoresTheReplyDraftKeptInTheBrowser()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        ctx.Draft.Setup<string?>("restore", $"reply.{ticket.Id}").SetResult("Yarım kalan yanıt");

        var cut = ctx.RenderTicket(ticket);

        cut.WaitForAssertion(() => Assert.Equal("Yarım kalan yanıt", cut.Find("#reply").GetAttribute("value")));
        Assert.Equal($"reply.{ticket.Id}", cut.Find("[data-draft-key]").GetAttribute("data-draft-key"));
    }

    [Fact]
    public async Task AnotherAgentsChangeShowsUpSayingWhoChangedWhat()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        var ticket = await ctx.NewTicketAsync();
        var cut = ctx.RenderTicket(ticket);
        var other = await app.Services.GetRequiredService<StaffDirectory>().FindAsync(
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.Agent2Email).Select(u => u.Id).SingleAsync()));

        await ctx.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.InProgress, Actor.Staff(other!));

        cut.ExpectSnackbar("Zeynep Arslan: Durum 'İşlemde' olarak değiştirildi.");
        cut.WaitForAssertion(() => Assert.Equal("İşlemde", cut.Find("#status").GetAttribute("value")));
    }

    [Fact]
    public async Task ControlsStayDisabledUntilTheCircuitIsLive()
    {
        await using var ctx = await TicketPageContext.SignedInAsync(app, DemoSeeder.AgentEmail);
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var ticket = await ctx.NewTicketAsync();

        var cut = ctx.RenderTicket(ticket);

        Assert.All(new[] { "Yanıtı gönder", "Notu ekle", "Kaydet" }, b => Assert.True(cut.Button(b).HasAttribute("disabled"), b));
        Assert.True(cut.Find("#reply").HasAttribute("disabled"));
        Assert.True(cut.Find("#status").HasAttribute("disabled"));
        Assert.True(cut.Find("#files").HasAttribute("disabled"));
        Assert.Contains("Bağlanıyor…", cut.Markup, StringComparison.Ordinal);
    }
}

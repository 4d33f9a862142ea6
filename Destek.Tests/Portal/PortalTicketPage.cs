using Bunit;
using Destek.App.Portal;
using Destek.Core.Tickets;
using Destek.Tests.Components;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Portal;

/// <summary>A ticket in the portal: the public conversation only, live staff replies, answering with a file, closing and reopening.</summary>
public sealed class PortalTicketPage(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    /// <summary>The smallest PNG there is: the signature the support form's rules look for.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static IRenderedComponent<PortalTicket> Open(PortalContext ctx, Guid id) =>
        ctx.RenderAt<PortalTicket>($"portal/talepler/{id:D}", p => p.Add(c => c.PublicId, id));

    private static List<string> Bodies(IRenderedComponent<PortalTicket> cut) => cut.FindAll(".portal-message-body").Select(b => b.TextContent).ToList();

    [Fact]
    public async Task ShowsPublicMessagesNeverNotesAndTellsStaffApart()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var ticket = await ctx.NewTicketAsync("Kargo gecikti");
        var id = await ctx.TicketIdAsync(ticket.Id);
        var admin = await ctx.AdminAsync();
        await ctx.Tickets.AddNoteAsync(id, "İç not: müşteriye söylemeyin.", admin);
        await ctx.Tickets.ReplyAsync(id, "Kargonuz yola çıktı.", admin);

        var cut = Open(ctx, ticket.Id);

        cut.WaitForAssertion(() => Assert.Equal(["Sorunun ayrıntıları burada.", "Kargonuz yola çıktı."], Bodies(cut)));
        Assert.DoesNotContain("İç not", cut.Markup, StringComparison.Ordinal);
        var messages = cut.FindAll(".portal-message");
        Assert.Contains("Siz", messages[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Destek ekibi", messages[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Cevaplandı", cut.Find(".portal-facts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaffReplyAppearsWithoutReloading()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var ticket = await ctx.NewTicketAsync("Canlı yanıt");
        var cut = Open(ctx, ticket.Id);
        cut.WaitForAssertion(() => Assert.Single(Bodies(cut)));

        await ctx.Tickets.ReplyAsync(await ctx.TicketIdAsync(ticket.Id), "Hemen bakıyoruz.", await ctx.AdminAsync());

        cut.WaitForAssertion(() => Assert.Equal("Hemen bakıyoruz.", Bodies(cut).Last()));
        Assert.Contains("Cevaplandı", cut.Find(".portal-facts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepliesWithAFileThatOnlyTheOwnerCanDownload()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var ticket = await ctx.NewTicketAsync("Ekran görüntüsü");
        var cut = Open(ctx, ticket.Id);
        cut.WaitForAssertion(() => Assert.Single(Bodies(cut)));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Png, "ekran.png", contentType: "image/png"));
        await cut.InvokeAsync(() => Find.ByLabel(cut, "Mesajınız").Input("Ekran görüntüsü ekte."));
        await cut.InvokeAsync(() => cut.Find("form.portal-reply").Submit());

        cut.WaitForAssertion(() => Assert.Equal("Ekran görüntüsü ekte.", Bodies(cut).Last()));
        var link = cut.WaitForElement(".portal-files a");
        Assert.Equal("ekran.png", link.TextContent);
        var stored = await app.WithDbAsync(db => db.TicketAttachments.Where(a => a.FileName == "ekran.png" && a.Ticket!.PublicId == ticket.Id).SingleAsync());
        Assert.Equal($"portal/ekler/{stored.PublicId:D}", link.GetAttribute("href"));
        Assert.NotNull(stored.MessageId);
    }

    [Fact]
    public async Task RefusesAFileOutsideTheFormsRules()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var ticket = await ctx.NewTicketAsync("Yanlış dosya");
        var cut = Open(ctx, ticket.Id);
        cut.WaitForAssertion(() => Assert.Single(Bodies(cut)));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("echo hi", "betik.sh", contentType: "text/x-sh"));

        cut.WaitForAssertion(() => Assert.Contains("Sadece PDF, DOC, DOCX, JPG, JPEG, PNG", cut.Find("#reply-file-error").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmptyReplyIsRefusedNamingTheField()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var ticket = await ctx.NewTicketAsync("Boş yanıt");
        var cut = Open(ctx, ticket.Id);
        cut.WaitForAssertion(() => Assert.Single(Bodies(cut)));

        await cut.InvokeAsync(() => cut.Find("form.portal-reply").Submit());

        Assert.Equal("Mesaj boş olamaz.", cut.Find("#reply-error").TextContent);
        Assert.Equal("true", Find.ByLabel(cut, "Mesajınız").GetAttribute("aria-invalid"));
        Assert.Single(Bodies(cut));
    }

    [Fact]
    public async Task ClosesAfterAskingAndReopensByAnswering()
    {
        await using var ctx = await PortalContext.CustomerAsync(app);
        var ticket = await ctx.NewTicketAsync("Kapatılacak");
        var cut = Open(ctx, ticket.Id);
        cut.WaitForAssertion(() => Assert.Single(Bodies(cut)));

        await cut.InvokeAsync(() => Find.Button(cut, "Talebi kapat").Click());
        var confirm = cut.WaitForElement(".mud-dialog");
        Assert.Contains("Talep kapatılsın mı?", confirm.TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => Find.Button(cut, "Kapat").Click());

        cut.WaitForAssertion(() => Assert.Contains("Kapatıldı", cut.Find(".portal-facts").TextContent, StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Closed, await app.WithDbAsync(db => db.Tickets.Where(t => t.PublicId == ticket.Id).Select(t => t.Status).SingleAsync()));

        await cut.InvokeAsync(() => Find.ByLabel(cut, "Mesajınız").Input("Sorun yeniden başladı."));
        await cut.InvokeAsync(() => cut.Find("form.portal-reply").Submit());

        cut.WaitForAssertion(() => Assert.Contains("Açık", cut.Find(".portal-facts").TextContent, StringComparison.Ordinal));
        Assert.NotEqual(TicketStatus.Closed, await app.WithDbAsync(db => db.Tickets.Where(t => t.PublicId == ticket.Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnotherCustomersTicketReadsAsNotFound()
    {
        await using var owner = await PortalContext.CustomerAsync(app);
        var ticket = await owner.NewTicketAsync("Başkasına gizli");
        await using var ctx = await PortalContext.CustomerAsync(app);

        var cut = Open(ctx, ticket.Id);

        cut.WaitForAssertion(() => Assert.Equal("Talep bulunamadı", cut.Find("h1").TextContent));
        Assert.DoesNotContain("Başkasına gizli", cut.Markup, StringComparison.Ordinal);
    }
}

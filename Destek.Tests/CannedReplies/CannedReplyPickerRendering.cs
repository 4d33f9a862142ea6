using Bunit;
using Destek.App.Desk;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Destek.Tests.CannedReplies;

/// <summary>CannedReplyPicker in bUnit: it searches the agent's replies and hands the page the filled-in text.</summary>
[Trait("Category", "Integration")]
public sealed class CannedReplyPickerRendering(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task FindsTheAgentsReplyAndInsertsItFilledForTheTicket()
    {
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AgentEmail).Select(u => u.Id).SingleAsync());
        var agent = (await app.Services.GetRequiredService<StaffDirectory>().FindAsync(userId))!;
        var replies = app.Services.GetRequiredService<CannedReplyService>();
        await replies.CreateAsync(agent, new CannedReplyDraft("İade süreci", "Sayın {{musteri.ad}}, {{talep.numara}} için iadeniz başladı. {{bilinmeyen}}"));
        await replies.CreateAsync(agent, new CannedReplyDraft("Kargo takibi", "Kargonuz yolda."));
        var other = (await app.Services.GetRequiredService<StaffDirectory>().FindAsync(
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.Agent2Email).Select(u => u.Id).SingleAsync())))!;
        await replies.CreateAsync(other, new CannedReplyDraft("İade başkasının", "Görünmemeli"));

        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(replies);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var inserted = new List<string>();
        var detail = new TicketDetail(1, Guid.NewGuid(), "SUP-2026-000077", "İade talebi", "", TicketStatus.Open, TicketPriority.Medium, TicketSource.WebForm,
            1, "Müşteri Hizmetleri", null, null, null, null, "Ayşe Kaya", "ayse@ornek.com", null, null, null, false, null, null,
            DateTime.UtcNow, null, null, null, [], [], []);
        var popovers = ctx.Render<MudPopoverProvider>();
        var picker = ctx.Render<CannedReplyPicker>(p => p
            .Add(x => x.Ticket, detail)
            .Add(x => x.Agent, agent)
            .Add(x => x.OnInsert, (string text) => inserted.Add(text)));

        var input = picker.Find("input#canned-reply");
        Assert.Equal("canned-reply", picker.Find("label[for='canned-reply']").GetAttribute("for"));
        input.Input("iade");

        popovers.WaitForAssertion(() => Assert.Single(popovers.FindAll(".mud-list-item")), TimeSpan.FromSeconds(10));
        var item = popovers.Find(".mud-list-item");
        Assert.Contains("İade süreci", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kişisel", item.TextContent, StringComparison.Ordinal);
        await item.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        picker.WaitForAssertion(() => Assert.Equal(["Sayın Ayşe Kaya, SUP-2026-000077 için iadeniz başladı. {{bilinmeyen}}"], inserted));
        picker.WaitForAssertion(() => Assert.Contains("«İade süreci» yanıta eklendi.", picker.Find("[role=status]").TextContent, StringComparison.Ordinal));
    }
}

using Destek.Core.Mail;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Mail.MailIntakeKit;

namespace Destek.Tests.Merge;

/// <summary>TicketService.MergeAsync / SplitAsync on the real database: one save, rows really moved, replies redirected.</summary>
[Trait("Category", "Integration")]
public sealed class TicketMergeService(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private TicketService Tickets => factory.Services.GetRequiredService<TicketService>();

    [Fact]
    public async Task MovesMessagesFilesAndHistoryToTheSurvivorAndClosesTheMergedTicketWithoutMailingIt()
    {
        var admin = await AdminAsync(factory);
        var merged = await OpenAsync(factory, "Deniz Ak", "deniz@example.com", "Kargo gecikti");
        var survivor = await OpenAsync(factory, "Deniz Ak", "Deniz@Example.com", "Fatura eksik");
        await Tickets.ReplyAsync(merged.Id, "Kargo hâlâ gelmedi.", Actor.Customer("Deniz Ak", "deniz@example.com"),
            [new IncomingFile("irsaliye.txt", "text/plain", 5, () => new MemoryStream("12345"u8.ToArray()))]);
        await Tickets.AddNoteAsync(merged.Id, "Kargo firmasını arayalım.", admin);
        await Tickets.ChangePriorityAsync(merged.Id, TicketPriority.High, admin);

        await Tickets.MergeAsync(merged.Id, survivor.Id, admin);

        var (mergedRow, survivorRow) = await factory.WithDbAsync(async db => (
            await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == merged.Id),
            await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == survivor.Id)));
        Assert.Equal((TicketStatus.Closed, (int?)survivor.Id, 0, 0), (mergedRow.Status, mergedRow.MergedIntoTicketId, mergedRow.PublicMessageCount, mergedRow.AttachmentCount));
        Assert.Empty(await MessagesAsync(factory, merged.Id));
        Assert.Equal(
            [$"[{merged.Number} — Kargo gecikti]\n\nSiparişim henüz gelmedi, durumunu kontrol edebilir misiniz?", "Kargo hâlâ gelmedi.", "Kargo firmasını arayalım."],
            (await MessagesAsync(factory, survivor.Id)).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Body).ToArray());
        Assert.Equal((2, 1), (survivorRow.PublicMessageCount, survivorRow.AttachmentCount));
        Assert.Equal("irsaliye.txt", Assert.Single((await TicketAsync(factory, survivor.Id)).Attachments).FileName);

        var history = await factory.WithDbAsync(db => db.TicketHistory.AsNoTracking().Where(h => h.TicketId == merged.Id || h.TicketId == survivor.Id)
            .Select(h => new { h.TicketId, h.Field, h.OldValue, h.NewValue }).ToListAsync());
        Assert.Contains(history, h => h.TicketId == survivor.Id && h.Field == HistoryField.Priority && h.NewValue == "Yüksek");
        Assert.Contains(history, h => h.TicketId == survivor.Id && h.Field == HistoryField.Merge && h.OldValue == merged.Number && h.NewValue == survivor.Number);
        Assert.Contains(history, h => h.TicketId == merged.Id && h.Field == HistoryField.Merge);

        // The requester hears nothing about the merged ticket closing: it lives on in the survivor.
        Assert.DoesNotContain(await MailsAsync(factory, merged.Id), m => m.Kind == TicketMailHandler.ClosedKind);
    }

    [Fact]
    public async Task RefusesAnotherRequestersTicketAndChangesNothing()
    {
        var admin = await AdminAsync(factory);
        var one = await OpenAsync(factory, "Ece Nur", "ece@example.com");
        var other = await OpenAsync(factory, "Eren Kaya", "eren@example.com");

        var ex = await Assert.ThrowsAsync<TicketRuleException>(() => Tickets.MergeAsync(one.Id, other.Id, admin));

        Assert.Equal("Yalnızca aynı müşterinin talepleri birleştirilebilir.", ex.Message);
        var row = await TicketAsync(factory, one.Id);
        Assert.Equal((TicketStatus.Open, (int?)null), (row.Status, row.MergedIntoTicketId));
    }

    [Fact]
    public async Task AnAnswerToTheMergedTicketJoinsTheSurvivor()
    {
        var admin = await AdminAsync(factory);
        var merged = await OpenAsync(factory, "Fatma Er", "fatma@example.com");
        var survivor = await OpenAsync(factory, "Fatma Er", "fatma@example.com");
        await Tickets.MergeAsync(merged.Id, survivor.Id, admin);

        var message = await Tickets.ReplyAsync(merged.Id, "Eski e-postayı yanıtlıyorum.", Actor.Customer("Fatma Er", "fatma@example.com"));

        Assert.Equal(survivor.Id, message.TicketId);
        Assert.Equal(TicketStatus.Closed, (await TicketAsync(factory, merged.Id)).Status);
        await Assert.ThrowsAsync<TicketRuleException>(() => Tickets.ChangeStatusAsync(merged.Id, TicketStatus.Open, admin));
    }

    [Fact]
    public async Task SplitOpensANumberedTicketThatPointsBack()
    {
        var admin = await AdminAsync(factory);
        var ticket = await OpenAsync(factory, "Gül Ay", "gul@example.com");
        var message = await Tickets.ReplyAsync(ticket.Id, "Bir de şifremi sıfırlayamıyorum.", Actor.Customer("Gül Ay", "gul@example.com"));

        var split = await Tickets.SplitAsync(ticket.Id, message.Id, "Şifre sıfırlama", admin);

        var row = await TicketAsync(factory, split.Id);
        Assert.StartsWith("SUP-", row.Number, StringComparison.Ordinal);
        Assert.NotEqual(ticket.Number, row.Number);
        Assert.Equal(("Şifre sıfırlama", "Bir de şifremi sıfırlayamıyorum.", "gul@example.com", (int?)ticket.Id),
            (row.Title, row.Description, row.RequesterEmail, row.SplitFromTicketId));
        Assert.Single(await MessagesAsync(factory, ticket.Id));
        var links = await factory.Services.GetRequiredService<TicketMergeQueries>().LinksAsync(Actor0(admin), split.Id);
        Assert.Equal(ticket.Number, links.SplitFrom?.Number);
    }

    private static Core.Tickets.StaffMember Actor0(Actor admin) => new(admin.UserId!.Value, admin.Name, admin.Email ?? "", true, []);
}

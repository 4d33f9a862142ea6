using Destek.Core.Identity;
using Destek.Core.Mail;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Mail.MailIntakeKit;

namespace Destek.Tests.Mail;

/// <summary>The requester's mails: which events write one, the link each carries, and the notifications switch.</summary>
[Trait("Category", "Integration")]
public sealed class TicketCustomerMails(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task NotesMailNothingWhileRepliesResolvingAndClosingEachMailWithAFollowLink()
    {
        var ticket = await OpenAsync(factory, "Zeynep Ak", "zeynep@example.com");
        var tickets = factory.Services.GetRequiredService<TicketService>();
        var admin = await AdminAsync(factory);

        await tickets.AddNoteAsync(ticket.Id, "Sadece ekip için: müşteri daha önce de aradı.", admin);
        Assert.Equal([TicketMailHandler.ConfirmationKind], (await MailsAsync(factory, ticket.Id)).Select(m => m.Kind));

        await tickets.ReplyAsync(ticket.Id, "Siparişiniz bugün kargoya verildi.", admin);
        await tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, admin);
        await tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Closed, admin);

        var mails = await MailsAsync(factory, ticket.Id);
        Assert.Equal([TicketMailHandler.ConfirmationKind, TicketMailHandler.ReplyKind, TicketMailHandler.ResolvedKind, TicketMailHandler.ClosedKind],
            mails.Select(m => m.Kind));
        Assert.Equal([$"Destek Talebiniz Alındı - {ticket.Number}", $"Destek Talebiniz Yanıtlandı - {ticket.Number}",
            $"Destek Talebiniz Çözüldü - {ticket.Number}", $"Destek Talebiniz Kapatıldı - {ticket.Number}"], mails.Select(m => m.Subject));
        Assert.All(mails, m =>
        {
            Assert.Equal("zeynep@example.com", m.ToAddress);
            Assert.Contains($"Talep numarası: {ticket.Number}", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Ticket", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("müşteri daha önce de aradı", m.Body, StringComparison.Ordinal);
            Assert.NotNull(FollowToken(m.Body));
            Assert.Matches("^[0-9a-f]{32}$", m.ReplyToken);
            Assert.EndsWith("@destek.local", m.MessageId, StringComparison.Ordinal);
        });
        Assert.Contains("Siparişiniz bugün kargoya verildi.", mails[1].Body, StringComparison.Ordinal);
        Assert.Contains("Durum: Çözüldü", mails[2].Body, StringComparison.Ordinal);
        Assert.Contains("Durum: Kapatıldı", mails[3].Body, StringComparison.Ordinal);
        // Each mail's link is its own; the database keeps only their hashes.
        var tokens = mails.Select(m => FollowToken(m.Body)!).ToList();
        Assert.Equal(4, tokens.Distinct().Count());
        var hashes = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<TicketFollowLink>().Where(l => l.TicketId == ticket.Id).Select(l => l.TokenHash)));
        Assert.Equal(tokens.Select(TicketFollowLink.Hash).Order(), hashes.Order());
        Assert.DoesNotContain(tokens[0], hashes);
    }

    [Fact]
    public async Task ACustomerWhoTurnedNotificationsOffGetsOnlyTheConfirmationWithThePortalLink()
    {
        await CustomerAsync("kapali@example.com", notify: false);
        var ticket = await OpenAsync(factory, "Sessiz Müşteri", "kapali@example.com");
        var tickets = factory.Services.GetRequiredService<TicketService>();
        var admin = await AdminAsync(factory);
        await tickets.ReplyAsync(ticket.Id, "Yanıtımız hazır.", admin);
        await tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, admin);
        await tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Closed, admin);

        var mail = Assert.Single(await MailsAsync(factory, ticket.Id));
        Assert.Equal(TicketMailHandler.ConfirmationKind, mail.Kind);
        Assert.Contains($"/portal/talepler/{ticket.PublicId}", mail.Body, StringComparison.Ordinal);
        Assert.Null(FollowToken(mail.Body));
    }

    [Fact]
    public async Task ACustomerWithNotificationsOnGetsEveryMailWithThePortalLink()
    {
        await CustomerAsync("acik@example.com", notify: true);
        var ticket = await OpenAsync(factory, "Açık Müşteri", "acik@example.com");
        await factory.Services.GetRequiredService<TicketService>().ReplyAsync(ticket.Id, "Yanıtımız hazır.", await AdminAsync(factory));

        var mails = await MailsAsync(factory, ticket.Id);
        Assert.Equal([TicketMailHandler.ConfirmationKind, TicketMailHandler.ReplyKind], mails.Select(m => m.Kind));
        Assert.All(mails, m => Assert.Contains($"http://localhost:5000/portal/talepler/{ticket.PublicId}", m.Body, StringComparison.Ordinal));
    }

    private async Task CustomerAsync(string email, bool notify)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<int>>>();
        if (!await roles.RoleExistsAsync(Roles.Customer))
        {
            Assert.True((await roles.CreateAsync(new IdentityRole<int>(Roles.Customer))).Succeeded);
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Müşteri", NotifyByEmail = notify, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, DestekAppFactory.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Customer)).Succeeded);
    }
}

using System.Net;
using Destek.Core.Data;
using Destek.Core.Mail;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>The confirmation and reply e-mails: written with the ticket, delivered to the pickup directory by the outbox.</summary>
[Trait("Category", "Integration")]
public sealed class SupportMailOutbox(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task ConfirmationIsWrittenWithTheTicketAndLandsInThePickupDirectory()
    {
        var number = await CreateTicketAsync(factory);
        var ticket = await TicketAsync(factory, number);
        var mail = Assert.Single(await MailsForAsync(factory, ticket.Id));
        Assert.Equal(TicketMailHandler.ConfirmationKind, mail.Kind);
        Assert.Equal("ahmet@example.com", mail.ToAddress);
        Assert.Equal($"Destek Talebiniz Alındı - {number}", mail.Subject);

        await factory.Services.GetRequiredService<MailOutboxProcessor>().SendDueAsync();
        Assert.Equal(OutboxMailStatus.Sent, Assert.Single(await MailsForAsync(factory, ticket.Id)).Status);

        var eml = FindEml(number);
        Assert.NotNull(eml);
        var (subject, to, body) = eml.Value;
        Assert.Equal($"Destek Talebiniz Alındı - {number}", subject);
        Assert.Contains("ahmet@example.com", to, StringComparison.Ordinal);
        Assert.Contains("Sayın Ahmet Yılmaz,", body, StringComparison.Ordinal);
        Assert.Contains("Destek talebiniz başarıyla oluşturuldu.", body, StringComparison.Ordinal);
        Assert.Contains($"Talep numarası: {number}", body, StringComparison.Ordinal);
        Assert.Contains("Konu: Sipariş Sorunu", body, StringComparison.Ordinal);
        Assert.Contains("Durum: Açık", body, StringComparison.Ordinal);
        Assert.Contains("Tahmini yanıt süresi: 24 saat içinde", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPublicRepliesMailTheRequesterButNotesAndCustomerRepliesDoNot()
    {
        var ticket = await TicketAsync(factory, await CreateTicketAsync(factory));
        var service = factory.Services.GetRequiredService<TicketService>();
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync());
        var admin = Actor.Staff((await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(adminId))!);

        await service.AddNoteAsync(ticket.Id, "Sadece ekip için not.", admin);
        await service.ReplyAsync(ticket.Id, "Siparişiniz bugün kargoya verildi.", admin);
        await service.ReplyAsync(ticket.Id, "Teşekkürler!", Actor.Customer(ticket.RequesterName, ticket.RequesterEmail!));

        var mails = await MailsForAsync(factory, ticket.Id);
        Assert.Equal([TicketMailHandler.ConfirmationKind, TicketMailHandler.ReplyKind], mails.Select(m => m.Kind));
        var reply = mails[1];
        Assert.Equal($"Destek Talebiniz Yanıtlandı - {ticket.Number}", reply.Subject);
        Assert.Contains("Siparişiniz bugün kargoya verildi.", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sadece ekip için not.", reply.Body, StringComparison.Ordinal);

        await factory.Services.GetRequiredService<MailOutboxProcessor>().SendDueAsync();
        var eml = FindEml(ticket.Number, "Yanıtlandı");
        Assert.NotNull(eml);
        Assert.Contains("Siparişiniz bugün kargoya verildi.", eml.Value.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketsOpenedElsewhereGetNoSupportFormConfirmation()
    {
        var department = await factory.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());
        var ticket = await factory.Services.GetRequiredService<TicketService>().CreateAsync(new NewTicket
        {
            Title = "Telefonla gelen talep",
            Description = "Müşteri telefonla aradı.",
            DepartmentId = department,
            Source = TicketSource.Agent,
            RequesterName = "Telefon Eden",
            RequesterEmail = "telefon@example.com",
        }, Actor.System);
        Assert.Empty(await MailsForAsync(factory, ticket.Id));
    }

    [Fact]
    public async Task AdminsSeeTheMailsPage()
    {
        var number = await CreateTicketAsync(factory);
        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var page = await admin.GetAsync(new Uri("/ayarlar/e-postalar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Destek Talebiniz Alındı - {number}", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var agent = await SignedInClientAsync(factory, DemoSeeder.AgentEmail);
        var refused = await agent.GetAsync(new Uri("/ayarlar/e-postalar", UriKind.Relative));
        // An agent is signed in but not an admin: sent to the access-denied page, shown nothing.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/erisim-yok", new Uri(new Uri("http://localhost"), refused.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain(number, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private (string Subject, string To, string Body)? FindEml(string number, string subjectPart = "Alındı")
    {
        var folder = Path.Combine(factory.DataDirectory, "mail");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => ReadEml(File.ReadAllText(f)))
                .Where(m => m.Subject.Contains(number, StringComparison.Ordinal) && m.Subject.Contains(subjectPart, StringComparison.Ordinal))
                .Select(m => ((string, string, string)?)m).FirstOrDefault()
            : null;
    }
}

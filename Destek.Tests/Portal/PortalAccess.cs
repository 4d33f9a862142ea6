using System.Net;
using Destek.Core.Customers;
using Destek.Core.Tickets;
using Destek.Tests.Account;
using Destek.Tests.Infrastructure;
using Destek.Tests.SupportForm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.CustomerApi.CustomerApiKit;

namespace Destek.Tests.Portal;

/// <summary>Who gets a portal page or file over HTTP: the ticket's customer only; staff go to the desk.</summary>
public sealed class PortalAccess(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private async Task<(Guid Ticket, Guid File, Guid NoteFile, Browser Owner)> TicketWithFilesAsync()
    {
        var (id, _, owner) = await NewCustomerAsync(app);
        var customer = (await app.Services.GetRequiredService<CustomerDirectory>().FindAsync(id))!;
        var png = SupportFormKit.Png();
        var created = await app.Services.GetRequiredService<CustomerTicketService>().CreateAsync(customer, new CustomerTicketRequest
        {
            Subject = "Ekli talep", CategorySlug = "teknik_sorun", Message = "Ekran görüntüsü ekte.",
            Files = [new IncomingFile("ekran.png", "image/png", png.Length, () => new MemoryStream(png))],
        });
        var ticketId = await TicketIdAsync(app, created.Value!.Id.ToString());
        var pdf = SupportFormKit.Pdf();
        await app.Services.GetRequiredService<TicketService>().AddNoteAsync(ticketId, "İç not ve dosyası.", Actor.Staff(await AdminAsync(app)),
            [new IncomingFile("ic-not.pdf", "application/pdf", pdf.Length, () => new MemoryStream(pdf))]);
        var files = await app.WithDbAsync(db => db.TicketAttachments.Where(a => a.TicketId == ticketId).ToDictionaryAsync(a => a.FileName, a => a.PublicId));
        return (created.Value.Id, files["ekran.png"], files["ic-not.pdf"], owner);
    }

    [Fact]
    public async Task TheOwnerDownloadsAFileOfTheConversation()
    {
        var (_, file, _, owner) = await TicketWithFilesAsync();

        var response = await owner.GetAsync($"/portal/ekler/{file:D}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SupportFormKit.Png(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task AnotherCustomerAndANotesFileAreNotFound()
    {
        var (_, file, noteFile, owner) = await TicketWithFilesAsync();
        var (_, _, other) = await NewCustomerAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/portal/ekler/{file:D}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/portal/ekler/{noteFile:D}")).StatusCode);
    }

    [Fact]
    public async Task StaffOpeningThePortalAreSentToTheDesk()
    {
        var staff = await AccountKit.SignedInAsync(app, "agent@destek.local");

        var response = await staff.GetAsync("/portal");

        AccountKit.AssertRedirect(response, "/masa");
    }

    [Fact]
    public async Task TheListIsServerRenderedWithTheCustomersTickets()
    {
        var (ticket, _, _, owner) = await TicketWithFilesAsync();

        var response = await owner.GetAsync("/portal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"portal/talepler/{ticket:D}", html, StringComparison.Ordinal);
        Assert.Contains("Ekli talep", html, StringComparison.Ordinal);
    }
}

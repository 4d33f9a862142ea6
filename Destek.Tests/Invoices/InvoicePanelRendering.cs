using AngleSharp.Dom;
using Bunit;
using Destek.App.Desk;
using Destek.Core.Data;
using Destek.Core.Invoices;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Destek.Tests.Invoices;

/// <summary>The desk's invoice panel beside a ticket: the requester's organization and the invoice the ticket names.</summary>
[Trait("Category", "Integration")]
public sealed class InvoicePanelRendering(SmallInvoiceAppFactory app) : IClassFixture<SmallInvoiceAppFactory>
{
    [Fact]
    public async Task ShowsTheRequestersOrganizationAndTheNamedInvoiceWithTotalsProviderEventsAndPdf()
    {
        var org = await app.OrganizationAsync();
        var invoice = await IssuedInvoiceAsync(org.Id);
        await app.Services.GetRequiredService<InvoiceQueries>().ApplyProviderStatusAsync(org.Id, invoice.Id, "accepted", "PRV-77", null, DateTime.UtcNow);
        var ticket = Ticket(41, await CustomerIdAsync(), $"Merhaba, {invoice.Number.ToLowerInvariant()} numaralı faturamdaki tutar yanlış.");

        await using var ctx = Context();
        var cut = ctx.Render<InvoicePanel>(p => p.Add(c => c.Ticket, ticket));
        cut.WaitForAssertion(() => Assert.Contains($"Fatura {invoice.Number}", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Equal(InvoiceDemoSeeder.FirstOrganizationName, cut.Find("[data-testid=requester-organization]").TextContent);
        var article = cut.Find("article.invoice");
        Assert.Equal(article.QuerySelector("h3")!.Id, article.GetAttribute("aria-labelledby"));
        Assert.Equal("Kabul edildi", Fact(article, "Durum"));
        Assert.Equal("Satış", Fact(article, "Tür"));
        Assert.Equal("200,00 ₺", Fact(article, "Ara toplam"));
        Assert.Equal("40,00 ₺", Fact(article, "KDV"));
        Assert.Equal("240,00 ₺", Fact(article, "Genel toplam"));
        Assert.Equal("accepted (PRV-77)", Fact(article, "Sağlayıcı durumu"));
        Assert.Empty(cut.FindAll(".invoice-warning"));
        var link = cut.Find("article.invoice a[download]");
        Assert.Equal($"masa/talepler/41/faturalar/{invoice.Id}/pdf", link.GetAttribute("href"));
        Assert.Equal($"{invoice.Number} PDF'ini indir", link.TextContent);
        var events = cut.FindAll("article.invoice ol.timeline li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, events.Count);
        Assert.EndsWith("Fatura oluşturuldu", events[0], StringComparison.Ordinal);
        Assert.EndsWith("Durum: Taslak → Düzenlendi", events[1], StringComparison.Ordinal);
        Assert.EndsWith("Sağlayıcı durumu: accepted (PRV-77)", events[2], StringComparison.Ordinal);
        Assert.EndsWith("Durum: Düzenlendi → Kabul edildi (provider)", events[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarnsInWordsWhenTheInvoiceBelongsToAnotherOrganization()
    {
        var second = await app.OrganizationAsync(InvoiceDemoSeeder.SecondOrganizationName);
        var foreign = await app.Invoices().CreateAsync(Sale(second.Id));
        var ticket = Ticket(42, await CustomerIdAsync(), "Faturam hatalı.", new MessageView(1, MessageKind.PublicReply, AuthorKind.Customer, "Müşteri", $"Numara: {foreign.Number}", DateTime.UtcNow));

        await using var ctx = Context();
        var cut = ctx.Render<InvoicePanel>(p => p.Add(c => c.Ticket, ticket));
        cut.WaitForAssertion(() => Assert.Contains($"Fatura {foreign.Number}", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Equal($"Dikkat: bu fatura talep sahibinin hesabına değil, {InvoiceDemoSeeder.SecondOrganizationName} hesabına ait.", cut.Find(".invoice-warning").TextContent);
        Assert.Equal("Taslak", Fact(cut.Find("article.invoice"), "Durum"));
        Assert.Empty(cut.FindAll("article.invoice a[download]"));
        Assert.Contains("PDF yok: fatura düzenlenmedi.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysSoWhenTheTicketNamesNoInvoiceAndTheRequesterHasNoAccount()
    {
        await using var ctx = Context();
        var cut = ctx.Render<InvoicePanel>(p => p.Add(c => c.Ticket, Ticket(43, null, "Şifremi unuttum, EA-2026-12 diye bir şey yazıyor.")));
        cut.WaitForAssertion(() => Assert.Contains("Talepte fatura numarası geçmiyor.", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("Bir hesaba bağlı değil", cut.Find("[data-testid=requester-organization]").TextContent);
        Assert.Empty(cut.FindAll("article.invoice"));
    }

    private BunitContext Context()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(app.Services.GetRequiredService<TicketInvoiceLookup>());
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    /// <summary>The text of the &lt;dd&gt; after the &lt;dt&gt; named <paramref name="term"/>.</summary>
    private static string Fact(IElement scope, string term) =>
        scope.QuerySelectorAll("dt").Single(dt => dt.TextContent == term).NextElementSibling!.TextContent;

    private async Task<Invoice> IssuedInvoiceAsync(int organizationId)
    {
        var created = await app.Invoices().CreateAsync(Sale(organizationId));
        return (await app.Invoices().IssueAsync(created.Id))!;
    }

    private static NewInvoice Sale(int organizationId) => new(organizationId, InvoiceType.Sale, Marketplace.Hepsiburada, "HB-1", "Zeynep Kaya", null, null, null,
        [new NewInvoiceItem("SKU-1", "Ürün 1", 2m, 100m, 20m)]);

    private Task<int> CustomerIdAsync() => app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.CustomerEmail).Select(u => u.Id).SingleAsync());

    private static TicketDetail Ticket(int id, int? customerId, string description, params MessageView[] messages) => new(
        id, Guid.NewGuid(), $"DST-{id}", "Fatura sorusu", description, TicketStatus.Open, TicketPriority.Medium, TicketSource.Portal, 1, "Muhasebe",
        null, null, null, null, "Müşteri", "musteri@destek.local", null, customerId, null, false, null, null,
        DateTime.UtcNow, null, null, null, messages, [], []);
}

/// <summary>The staff PDF link: only through a ticket the agent may see and that names the invoice.</summary>
[Trait("Category", "Integration")]
public sealed class TicketInvoicePdf(SmallInvoiceAppFactory app) : IClassFixture<SmallInvoiceAppFactory>
{
    [Fact]
    public async Task AnAgentOfTheTicketsDepartmentDownloadsTheNamedInvoicesPdfAndNobodyElse()
    {
        var org = await app.OrganizationAsync();
        var named = await app.Invoices().CreateAsync(Sale(org.Id));
        await app.Invoices().IssueAsync(named.Id);
        var unnamed = await app.Invoices().CreateAsync(Sale(org.Id));
        await app.Invoices().IssueAsync(unnamed.Id);

        // A Bilgi İşlem ticket: agent works there, agent2 does not.
        var (agentId, ticketId) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == DemoSeeder.AgentEmail).Select(u => u.Id).SingleAsync(),
            await db.Tickets.Where(t => t.Department!.Name == "Bilgi İşlem" && t.Status != TicketStatus.Closed).Select(t => t.Id).FirstAsync()));
        var agent = (await app.Services.GetRequiredService<StaffDirectory>().FindAsync(agentId))!;
        await app.Services.GetRequiredService<TicketService>().ReplyAsync(ticketId, $"{named.Number} numaralı faturanızı inceliyoruz.", Actor.Staff(agent));

        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await anonymous.GetAsync(PdfUri(ticketId, named.Id))).StatusCode);

        using var client = await SignedInClientAsync(DemoSeeder.AgentEmail);
        var response = await client.GetAsync(PdfUri(ticketId, named.Id));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(app.Pdfs().PathFor(named.Ettn)), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(PdfUri(ticketId, unnamed.Id))).StatusCode);

        using var outsider = await SignedInClientAsync(DemoSeeder.Agent2Email);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.GetAsync(PdfUri(ticketId, named.Id))).StatusCode);
    }

    private static Uri PdfUri(int ticketId, int invoiceId) => new($"/masa/talepler/{ticketId}/faturalar/{invoiceId}/pdf", UriKind.Relative);

    private static NewInvoice Sale(int organizationId) => new(organizationId, InvoiceType.Sale, Marketplace.Amazon, "AMZ-1", "Mehmet Demir", null, null, null,
        [new NewInvoiceItem("SKU-9", "Çanta", 1m, 1249m, 20m)]);

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/giris", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync(new Uri("/giris", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "giris",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.DestekAppFactory.Password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

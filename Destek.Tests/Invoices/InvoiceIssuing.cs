using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.Invoices.InvoiceTestData;

namespace Destek.Tests.Invoices;

/// <summary>The service's writes, saved and read back.</summary>
[Trait("Category", "Integration")]
public sealed class InvoiceIssuing(SmallInvoiceAppFactory factory) : IClassFixture<SmallInvoiceAppFactory>
{
    [Fact]
    public async Task ADraftHasNoPdfAndIssuingWritesOne()
    {
        var organization = await factory.OrganizationAsync();
        var draft = await factory.Invoices().CreateAsync(Sale(organization.Id, Item(1, 100m, 20m)));

        Assert.Null(factory.Pdfs().OpenRead(draft));
        var issued = await factory.Invoices().IssueAsync(draft.Id);

        Assert.Equal(InvoiceStatus.Issued, issued!.Status);
        await using var pdf = factory.Pdfs().OpenRead(issued);
        Assert.NotNull(pdf);
        var head = new byte[5];
        await pdf.ReadExactlyAsync(head);
        Assert.Equal("%PDF-"u8.ToArray(), head);
        Assert.StartsWith(factory.DataDirectory, factory.Pdfs().PathFor(issued), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavesItemsTotalsAndTheEventLog()
    {
        var organization = await factory.OrganizationAsync();
        var draft = await factory.Invoices().CreateAsync(Sale(organization.Id, Item(3, 0.335m, 10m), Item(2, 50m, 20m, 10m)));
        await factory.Invoices().IssueAsync(draft.Id);
        using var raw = System.Text.Json.JsonDocument.Parse("""{"any":"data"}""");
        await factory.Invoices().ApplyProviderStatusAsync(organization.Id, draft.Id, "accepted", "PRV-999", raw.RootElement);

        var saved = await factory.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Items).Include(i => i.Events).SingleAsync(i => i.Id == draft.Id));
        Assert.Equal((InvoiceStatus.Accepted, "accepted", "PRV-999"), (saved.Status, saved.ProviderStatus, saved.ProviderInvoiceId));
        Assert.Equal([1.01m, 100m], saved.Items.OrderBy(i => i.LineNo).Select(i => i.Subtotal));
        Assert.Equal((101.01m, 10m, 18.10m, 109.11m), (saved.Subtotal, saved.DiscountTotal, saved.TaxTotal, saved.GrandTotal));
        Assert.Equal(
            [InvoiceEvent.Created, InvoiceEvent.StatusChanged, InvoiceEvent.ProviderStatusUpdated, InvoiceEvent.StatusChanged],
            saved.Events.OrderBy(e => e.Id).Select(e => e.Type));
        Assert.Equal(draft.Ettn, saved.Ettn);
    }

    [Fact]
    public async Task AnotherOrganizationsInvoiceIsNotFound()
    {
        var first = await factory.OrganizationAsync();
        var second = await factory.OrganizationAsync(InvoiceDemoSeeder.SecondOrganizationName);
        var invoice = await factory.Invoices().CreateAsync(Sale(first.Id, Item(1, 10m, 20m)));

        Assert.Null(await factory.Invoices().ApplyProviderStatusAsync(second.Id, invoice.Id, "accepted", null, null));
        Assert.Null(await factory.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.ProviderStatus).SingleAsync()));
    }

    [Fact]
    public async Task RefusesAnUnknownOrganization()
    {
        var error = await Assert.ThrowsAsync<InvoiceRuleException>(() => factory.Invoices().CreateAsync(Sale(int.MaxValue, Item(1, 10m, 20m))));
        Assert.Equal("Hesap bulunamadı.", error.Message);
    }
}

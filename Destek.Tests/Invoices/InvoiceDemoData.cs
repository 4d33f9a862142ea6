using Destek.Core.Data;
using Destek.Core.Invoices;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Invoices;

/// <summary>The first run's demo invoices: both organizations, every status, type and marketplace, PDFs on disk.</summary>
[Trait("Category", "Integration")]
public sealed class InvoiceDemoData(InvoiceDemoData.FullDemoFactory factory) : IClassFixture<InvoiceDemoData.FullDemoFactory>
{
    /// <summary>The product's default demo size, which the other tests' factories shrink.</summary>
    public sealed class FullDemoFactory : DestekAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Destek:Invoices:DemoInvoiceCount"] = "300",
        };
    }

    [Fact]
    public async Task TwoOrganizationsWithAFewHundredVariedInvoices()
    {
        var organizations = await factory.WithDbAsync(db => db.CustomerOrganizations.OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.TaxId }).ToListAsync());
        Assert.Equal([InvoiceDemoSeeder.FirstOrganizationName, InvoiceDemoSeeder.SecondOrganizationName], organizations.Select(o => o.Name));

        var invoices = await factory.WithDbAsync(db => db.Invoices.AsNoTracking().Select(i => new { i.CustomerOrganizationId, i.Status, i.Type, i.Marketplace }).ToListAsync());
        Assert.Equal(300, invoices.Count);
        Assert.All(organizations, o => Assert.True(invoices.Count(i => i.CustomerOrganizationId == o.Id) >= 50));
        // Failed is the invoice platform's provider answer, which the e-invoice demo never reaches.
        Assert.Equal(Enum.GetValues<InvoiceStatus>().Where(s => s != InvoiceStatus.Failed).Order(), invoices.Select(i => i.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<InvoiceType>().Order(), invoices.Select(i => i.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Marketplace>().Order(), invoices.Select(i => i.Marketplace!.Value).Distinct().Order());
        Assert.True(await factory.WithDbAsync(db => db.InvoiceEvents.CountAsync(e => e.Type == InvoiceEvent.ProviderStatusUpdated)) > 50);

        var customer = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoSeeder.CustomerEmail));
        Assert.Equal(organizations[0].Id, customer.CustomerOrganizationId);
    }

    [Fact]
    public async Task EveryIssuedInvoiceHasItsPdfAfterTheBackgroundPass()
    {
        await factory.Services.GetRequiredService<InvoicePdfBackfill>().Completion.WaitAsync(TimeSpan.FromMinutes(2));

        var issued = await factory.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.IssuedAt != null).ToListAsync());
        Assert.True(issued.Count > 150);
        Assert.Contains(issued, i => i.Status == InvoiceStatus.Cancelled);
        Assert.All(issued, i => Assert.True(factory.Pdfs().Exists(i), $"{i.Number} ({i.Status}) has no PDF"));
        var unissued = await factory.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.IssuedAt == null).ToListAsync());
        Assert.NotEmpty(unissued);
        Assert.All(unissued, i => Assert.Null(factory.Pdfs().OpenRead(i)));
    }

    [Fact]
    public async Task SeedingAgainAddsNothing()
    {
        await factory.Services.GetRequiredService<InvoiceDemoSeeder>().SeedAsync();
        Assert.Equal(2, await factory.WithDbAsync(db => db.CustomerOrganizations.CountAsync()));
        Assert.Equal(300, await factory.WithDbAsync(db => db.Invoices.CountAsync()));
    }
}

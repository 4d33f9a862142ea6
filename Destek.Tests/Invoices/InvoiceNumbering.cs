using System.Globalization;
using System.Text.RegularExpressions;
using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.Invoices.InvoiceTestData;

namespace Destek.Tests.Invoices;

/// <summary>Numbers come from a counter row bumped inside the inserting transaction (runs on PostgreSQL too).</summary>
[Trait("Category", "Integration")]
public sealed partial class InvoiceNumbering(SmallInvoiceAppFactory factory) : IClassFixture<SmallInvoiceAppFactory>
{
    [Fact]
    public async Task ConcurrentWritersGetDistinctConsecutiveNumbers()
    {
        var organization = await factory.OrganizationAsync();
        var service = factory.Invoices();

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => service.CreateAsync(Sale(organization.Id, Item(i + 1, 10m, 20m))))));

        var year = DateTime.UtcNow.Year.ToString("D4", CultureInfo.InvariantCulture);
        Assert.All(created, i => Assert.Matches(DefaultNumber(), i.Number));
        Assert.All(created, i => Assert.StartsWith($"EA-{year}-", i.Number, StringComparison.Ordinal));
        var values = created.Select(i => int.Parse(i.Number[^6..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(40, values.Distinct().Count());
        Assert.Equal(39, values[^1] - values[0]);

        var numbers = created.Select(i => i.Number).ToList();
        Assert.Equal(40, await factory.WithDbAsync(db => db.Invoices.CountAsync(i => numbers.Contains(i.Number))));
    }

    [Fact]
    public async Task ConcurrentProviderCallbacksAreAllKept()
    {
        var organization = await factory.OrganizationAsync();
        var service = factory.Invoices();
        var invoice = await service.CreateAsync(Sale(organization.Id, Item(1, 10m, 20m)));
        await service.IssueAsync(invoice.Id);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => service.ApplyProviderStatusAsync(organization.Id, invoice.Id, i == 19 ? "accepted" : $"step-{i}", null, null))));

        var events = await factory.WithDbAsync(db => db.InvoiceEvents.Where(e => e.InvoiceId == invoice.Id && e.Type == InvoiceEvent.ProviderStatusUpdated).CountAsync());
        Assert.Equal(20, events);
        var saved = await factory.WithDbAsync(db => db.Invoices.SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal(InvoiceStatus.Accepted, saved.Status);
    }

    [GeneratedRegex(@"^EA-\d{4}-\d{6}$")]
    private static partial Regex DefaultNumber();
}

[Trait("Category", "Integration")]
public sealed class InvoiceNumberFormat(CustomNumberAppFactory factory) : IClassFixture<CustomNumberAppFactory>
{
    [Fact]
    public async Task FollowsTheConfiguredPrefixAndDigits()
    {
        var organization = await factory.OrganizationAsync();
        var first = await factory.Invoices().CreateAsync(Sale(organization.Id, Item(1, 10m, 20m)));
        var second = await factory.Invoices().CreateAsync(Sale(organization.Id, Item(1, 10m, 20m)));

        var year = DateTime.UtcNow.Year.ToString("D4", CultureInfo.InvariantCulture);
        Assert.Matches($"^FTR{year}/\\d{{8}}$", first.Number);
        Assert.Equal(long.Parse(first.Number[^8..], CultureInfo.InvariantCulture) + 1, long.Parse(second.Number[^8..], CultureInfo.InvariantCulture));
    }
}

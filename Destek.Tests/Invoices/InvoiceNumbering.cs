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
    public async Task ConcurrentProviderCallbacksAreAllKeptAndMoveTheStatusOnce()
    {
        var organization = await factory.OrganizationAsync();
        var service = factory.Invoices();
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var invoice = await service.CreateAsync(Sale(organization.Id, Item(1, 10m, 20m)));
            await service.IssueAsync(invoice.Id);
            ids.Add(invoice.Id);
        }

        // "accepted" and "rejected" race on each invoice: whichever is second must see the first's
        // move (the row is held from read to commit) and so record itself without moving again.
        await Task.WhenAll(ids.SelectMany(id => new[] { "accepted", "rejected", "processing" }.Select(status =>
            Task.Run(() => service.ApplyProviderStatusAsync(organization.Id, id, status, null, null)))));

        foreach (var id in ids)
        {
            var saved = await factory.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Events).SingleAsync(i => i.Id == id));
            Assert.Equal(3, saved.Events.Count(e => e.Type == InvoiceEvent.ProviderStatusUpdated));
            var moves = saved.Events.Where(e => e.Type == InvoiceEvent.StatusChanged)
                .Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("to").GetString())
                .Where(to => to is "accepted" or "rejected")
                .ToList();
            var move = Assert.Single(moves);
            Assert.Equal(move, InvoiceCodes.ToCode(saved.Status));
        }
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

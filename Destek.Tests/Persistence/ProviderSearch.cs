using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Search;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Persistence;

/// <summary>The queue search behaves the same on SQLite and PostgreSQL (whose own text comparisons mind case).</summary>
[Trait("Category", "Integration")]
public sealed class ProviderSearch(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task SearchIgnoresCaseOnEveryProvider()
    {
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync());
        var admin = (await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(adminId))!;
        // SQLite folds ASCII case only, so the word searched for is plain ASCII with a capital (e.g. "Faturamda").
        var titles = await factory.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Title).ToListAsync());
        var (title, word) = titles
            .SelectMany(t => t.Split(' ').Select(w => (Title: t, Word: w)))
            .First(x => x.Word.Length >= 5 && x.Word.All(char.IsAsciiLetter) && char.IsAsciiLetterUpper(x.Word[0]));
        var search = factory.Services.GetRequiredService<TicketSearch>();

        var lower = (await search.QueueAsync(admin, new QueueFilter { View = QueueView.All, Search = word.ToLowerInvariant() }, 0, 200))!.Page;
        var upper = (await search.QueueAsync(admin, new QueueFilter { View = QueueView.All, Search = word.ToUpperInvariant() }, 0, 200))!.Page;

        Assert.Contains(lower.Items, row => row.Title == title);
        Assert.Equal(lower.Total, upper.Total);
    }
}

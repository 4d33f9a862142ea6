using Destek.Core.Data;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Services;

/// <summary>Ticket numbers taken as one range per year for a whole batch, on the real database.</summary>
[Trait("Category", "Integration")]
public sealed class TicketNumbering(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private TicketNumberGenerator Numbers => app.Services.GetRequiredService<TicketNumberGenerator>();

    private async Task<IReadOnlyList<string>> TakeAsync(params DateTime[] created)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DestekDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var numbers = await Numbers.NextAsync(db, created, CancellationToken.None);
        await transaction.CommitAsync();
        return numbers;
    }

    private static int Value(string number) => int.Parse(number[^6..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ABatchGetsConsecutiveNumbersInItsOrderAndEachYearItsOwnCounter()
    {
        var late2031 = new DateTime(2031, 12, 31, 23, 0, 0, DateTimeKind.Utc);
        var early2032 = new DateTime(2032, 1, 1, 0, 30, 0, DateTimeKind.Utc);

        var batch = await TakeAsync(late2031, early2032, late2031, late2031, early2032);

        Assert.Equal(["SUP-2031-", "SUP-2032-", "SUP-2031-", "SUP-2031-", "SUP-2032-"], batch.Select(n => n[..9]));
        Assert.Equal(5, batch.Distinct().Count());
        var (first2031, first2032) = (Value(batch[0]), Value(batch[1]));
        Assert.Equal([first2031, first2031 + 1, first2031 + 2], new[] { batch[0], batch[2], batch[3] }.Select(Value));
        Assert.Equal([first2032, first2032 + 1], new[] { batch[1], batch[4] }.Select(Value));

        // The next batch continues each counter after the range the first one took.
        var next = await TakeAsync(early2032, late2031);
        Assert.Equal(first2032 + 2, Value(next[0]));
        Assert.Equal(first2031 + 3, Value(next[1]));
    }
}

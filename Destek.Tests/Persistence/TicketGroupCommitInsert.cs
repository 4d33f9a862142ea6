using System.Data.Common;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Destek.Tests.Persistence;

/// <summary>
/// The group commit's compiled ticket INSERT on SQLite (<see cref="PreparedTicketInsert"/>): the same row EF writes,
/// nothing written twice, and a failed save leaves the writer usable. SQLite only: on PostgreSQL the save is EF's own.
/// </summary>
public sealed class TicketGroupCommitInsert(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public async Task WritesTheRowEfWrites()
    {
        var department = await DefaultDepartmentAsync();
        var data = Data(department, "Aynı satır") with
        {
            RequesterEmail = "ayni.satir@ornek.com.tr", RequesterPhone = "+90 532 111 22 33", ExternalRef = "ERP-77",
            Priority = TicketPriority.High, TeosId = "T-1", CitizenshipNo = "10000000146", IsPrivate = true,
        };
        var byEf = Ticket.Open(data, Actor.System, Now);
        var byPrepared = Ticket.Open(data, Actor.System, Now);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<DestekDbContext>>().CreateDbContextAsync())
        {
            db.Tickets.Add(byEf);
            await db.SaveChangesAsync();
        }

        await using var insert = new PreparedTicketInsert();
        await SaveAsync(insert, Factory(), byPrepared);

        var efRow = await RowAsync(byEf.Id);
        var preparedRow = await RowAsync(byPrepared.Id);
        Assert.Equal(efRow.Keys.Order(), preparedRow.Keys.Order());
        foreach (var column in efRow.Keys.Except(["Id", "PublicId", "Number"]))
        {
            Assert.True(Equals(efRow[column], preparedRow[column]), $"{column}: EF wrote {efRow[column] ?? "NULL"}, the prepared insert {preparedRow[column] ?? "NULL"}");
        }

        Assert.Equal(byPrepared.PublicId.ToString().ToUpperInvariant(), preparedRow["PublicId"]);
        Assert.Equal(byPrepared.Number, preparedRow["Number"]);
        Assert.StartsWith("SUP-2026-", byPrepared.Number, StringComparison.Ordinal);
        // The full-text trigger ran for it as for any insert.
        var searchRows = await app.WithDbAsync(db => db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM TicketSearch WHERE TicketSearch MATCH 'ayni' AND rowid = {byPrepared.Id}").ToListAsync());
        Assert.Equal([(long)byPrepared.Id], searchRows);
    }

    [Fact]
    public async Task CompilesTheInsertOnceAndWritesEachTicketOnce()
    {
        var department = await DefaultDepartmentAsync();
        var commands = new CommandLog();
        await using var insert = new PreparedTicketInsert();

        await SaveAsync(insert, Factory(commands), Ticket.Open(Data(department, "Bir"), Actor.System, Now), Ticket.Open(Data(department, "İki"), Actor.System, Now));
        await SaveAsync(insert, Factory(commands), Ticket.Open(Data(department, "Üç"), Actor.System, Now));

        // EF itself neither inserts the tickets again nor updates them (their number and SLA times were set after they were added).
        Assert.DoesNotContain(commands.Texts, sql => sql.Contains("INSERT INTO \"Tickets\"", StringComparison.Ordinal));
        Assert.DoesNotContain(commands.Texts, sql => sql.Contains("UPDATE \"Tickets\"", StringComparison.Ordinal));
        var titles = await app.WithDbAsync(db => db.Tickets.Where(t => t.CreatedAt == Now && (t.Title == "Bir" || t.Title == "İki" || t.Title == "Üç"))
            .Select(t => new { t.Title, t.Number, t.SlaNextDueAt }).ToListAsync());
        Assert.Equal(["Bir", "Üç", "İki"], titles.Select(t => t.Title).Order(StringComparer.Ordinal));
        Assert.All(titles, t => Assert.StartsWith("SUP-2026-", t.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterAFailedSaveTheNextOneIsSavedOnAFreshConnection()
    {
        var department = await DefaultDepartmentAsync();
        await using var insert = new PreparedTicketInsert();
        var orphan = Ticket.Open(Data(999_999, "Olmayan departman"), Actor.System, Now);

        var failed = await Assert.ThrowsAsync<SqliteException>(() => SaveAsync(insert, Factory(), orphan));
        Assert.Contains("FOREIGN KEY", failed.Message, StringComparison.Ordinal);

        // The write lock was handed back and nothing of the failed transaction stayed open: this save would wait 30 s otherwise.
        var next = Ticket.Open(Data(department, "Hatadan sonra"), Actor.System, Now);
        await SaveAsync(insert, Factory(), next).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Id == next.Id && t.Title == "Hatadan sonra")));
        Assert.False(await app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Title == "Olmayan departman")));
    }

    private static async Task SaveAsync(PreparedTicketInsert insert, IDbContextFactory<DestekDbContext> factory, params Ticket[] tickets)
    {
        await using var lease = await insert.LeaseAsync(factory, CancellationToken.None);
        Assert.Same(insert, lease.Db.PreparedInsert);
        try
        {
            lease.Db.Tickets.AddRange(tickets);
            await lease.Db.SaveChangesAsync();
        }
        catch
        {
            lease.Failed();
            throw;
        }
    }

    private IDbContextFactory<DestekDbContext> Factory(CommandLog? commands = null)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<DestekDbContext>>();
        if (commands is not null)
        {
            options = new DbContextOptionsBuilder<DestekDbContext>(options).AddInterceptors(commands).Options;
        }

        return new DestekDbContextFactory(options, app.Services.GetRequiredService<IOptions<Destek.Core.DestekOptions>>(), app.Services.GetRequiredService<TicketSaveHooks>());
    }

    private Task<Dictionary<string, object?>> RowAsync(int id) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"Tickets\" WHERE \"Id\" = {id}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    });

    private Task<int> DefaultDepartmentAsync() => app.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());

    private static NewTicket Data(int department, string title) => new()
    {
        Title = title, Description = "Açıklama", DepartmentId = department, Source = TicketSource.Api, RequesterName = "Test",
    };

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (Texts)
            {
                Texts.Add(command.CommandText);
            }

            return ValueTask.FromResult(result);
        }
    }
}

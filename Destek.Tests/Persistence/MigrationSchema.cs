using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Persistence;

/// <summary>
/// The generated migration sets: each snapshot matches the model (else `dotnet ef migrations add`
/// was forgotten, see docs/migrations.md), and the SQLite set builds exactly the modelled schema.
/// </summary>
public sealed class MigrationSchema : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("destek-schema").FullName;

    [Fact]
    public void SqliteSnapshotMatchesTheModel()
    {
        using var db = SqliteSchema.Context(Path.Combine(_folder, "unused.db"));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgreSqlSnapshotMatchesTheModel()
    {
        // No server needed: the comparison is between the model and the snapshot in the assembly.
        using var db = new PostgreSqlDestekDbContext(new DbContextOptionsBuilder<DestekDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigratedDatabaseEqualsTheModel()
    {
        var path = Path.Combine(_folder, "migrated.db");
        await using (var db = SqliteSchema.Context(path))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal([HandWrittenMigrations.SqliteBaseline], (await db.Database.GetAppliedMigrationsAsync()).Take(1));
        }

        SqliteSchema.AssertSame(await SqliteSchema.OfModelAsync(_folder), await SqliteSchema.DescribeAsync(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

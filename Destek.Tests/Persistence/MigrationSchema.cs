using Destek.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Destek.Tests.Persistence;

/// <summary>
/// Migrations are written by hand (no EF design tools in our mirror), so this proves that applying
/// them yields exactly the schema the model describes: tables, columns, keys, indexes, foreign keys.
/// </summary>
public sealed class MigrationSchema : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("destek-schema").FullName;

    [Fact]
    public async Task MigratedDatabaseEqualsTheModel()
    {
        var migrated = await DescribeAsync("migrated.db", db => db.Database.MigrateAsync());
        var modelled = await DescribeAsync("created.db", db => db.Database.EnsureCreatedAsync());

        Assert.NotEmpty(modelled);
        Assert.Equal(modelled.Keys.Order(), migrated.Keys.Order());
        foreach (var (table, description) in modelled)
        {
            Assert.Equal(description, migrated[table]);
        }
    }

    [Fact]
    public async Task EveryMigrationIsListedAndApplied()
    {
        await using var db = NewContext(Path.Combine(_folder, "list.db"));
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(db.Database.GetAppliedMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, string>> DescribeAsync(string file, Func<DestekDbContext, Task> create)
    {
        var path = Path.Combine(_folder, file);
        await using (var db = NewContext(path))
        {
            await create(db);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name");
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || ifnull(dflt_value, '') FROM pragma_table_info('{table}') ORDER BY name");
            var indexes = await ListAsync(connection, $"SELECT il.name || ' unique=' || il.\"unique\" || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')' FROM pragma_index_list('{table}') il WHERE il.origin <> 'pk' ORDER BY il.name");
            var keys = await ListAsync(connection, $"SELECT \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"");
            result[table] = string.Join("\n", columns.Concat(indexes).Concat(keys));
        }

        return result;
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static DestekDbContext NewContext(string path) => new(new DbContextOptionsBuilder<DestekDbContext>()
        .UseSqlite($"Data Source={path};Pooling=False")
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .Options);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

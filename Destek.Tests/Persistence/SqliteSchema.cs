using Destek.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Persistence;

/// <summary>A SQLite database's schema as text per table: columns, indexes, foreign keys.</summary>
internal static class SqliteSchema
{
    public static SqliteDestekDbContext Context(string path) => new(new DbContextOptionsBuilder<DestekDbContext>()
        .UseSqlite($"Data Source={path};Pooling=False")
        .AddInterceptors(new Destek.Core.Search.SqliteSearchFunctions())
        .Options);

    /// <summary>The schema EF's model describes (EnsureCreated on a fresh file in <paramref name="folder"/>).</summary>
    public static async Task<Dictionary<string, string>> OfModelAsync(string folder)
    {
        var path = Path.Combine(folder, "model-" + Guid.NewGuid().ToString("N") + ".db");
        await using (var db = Context(path))
        {
            await db.Database.EnsureCreatedAsync();
        }

        return await DescribeAsync(path);
    }

    /// <summary>Expression indexes the migrations add by SQL (EF's model has none); the panel's queries name them, so a missing one fails there.</summary>
    private static readonly string OutsideTheModel = $"'{Destek.Core.Panel.PanelDurationIndexes.Resolution}', '{Destek.Core.Panel.PanelDurationIndexes.FirstResponse}'";

    public static async Task<Dictionary<string, string>> DescribeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'TicketSearch%' AND name NOT LIKE 'TicketMessageSearch%' ORDER BY name");
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || ifnull(dflt_value, '') FROM pragma_table_info('{table}') ORDER BY name");
            var indexes = await ListAsync(connection, $"SELECT il.name || ' unique=' || il.\"unique\" || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')' FROM pragma_index_list('{table}') il WHERE il.origin <> 'pk' AND il.name NOT IN ({OutsideTheModel}) ORDER BY il.name");
            var keys = await ListAsync(connection, $"SELECT \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"");
            result[table] = string.Join("\n", columns.Concat(indexes).Concat(keys));
        }

        return result;
    }

    public static void AssertSame(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, description) in expected)
        {
            Assert.Equal(description, actual[table]);
        }
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
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace Destek.Core.Data;

/// <summary>The context on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteDestekDbContext(DbContextOptions options, TicketSaveHooks? hooks = null) : DestekDbContext(options, hooks);

/// <summary>The context on PostgreSQL; its migrations are in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlDestekDbContext(DbContextOptions options, TicketSaveHooks? hooks = null) : DestekDbContext(options, hooks);

/// <summary>
/// The one <see cref="IDbContextFactory{DestekDbContext}"/> of the app: it hands out the provider's
/// subclass, so callers keep asking for <see cref="DestekDbContext"/> and migrations still find their set.
/// </summary>
public sealed class DestekDbContextFactory(DbContextOptions<DestekDbContext> options, IOptions<DestekOptions> settings, TicketSaveHooks hooks)
    : IDbContextFactory<DestekDbContext>
{
    private readonly bool _postgreSql = DatabaseProviders.IsPostgreSql(settings.Value);

    public DestekDbContext CreateDbContext() =>
        _postgreSql ? new PostgreSqlDestekDbContext(options, hooks) : new SqliteDestekDbContext(options, hooks);
}

public static class DatabaseProviders
{
    public static bool IsPostgreSql(DestekOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Equals(settings.DatabaseProvider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
    }
}

// dotnet-ef builds the contexts through these (docs/migrations.md); they never open a connection
// for `migrations add`, so the connection strings only have to parse.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDestekDbContext>
{
    public SqliteDestekDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DestekDbContext>().UseSqlite("Data Source=destek-design.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDestekDbContext>
{
    public PostgreSqlDestekDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DestekDbContext>().UseNpgsql("Host=localhost;Database=destek_design").Options);
}

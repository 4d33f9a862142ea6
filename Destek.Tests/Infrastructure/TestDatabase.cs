using Npgsql;

namespace Destek.Tests.Infrastructure;

/// <summary>
/// Which database the integration tests run on: SQLite unless DESTEK_TEST_PROVIDER=PostgreSQL, then
/// the server in DESTEK_TEST_PG (a connection string without a database, e.g. "Host=127.0.0.1;Port=55432;Username=postgres").
/// </summary>
public static class TestDatabase
{
    public static bool UsesPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable("DESTEK_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public static string PostgreSqlServer =>
        Environment.GetEnvironmentVariable("DESTEK_TEST_PG") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("DESTEK_TEST_PROVIDER=PostgreSQL needs DESTEK_TEST_PG (a server connection string).");

    /// <summary>
    /// Creates an empty database of that name on the test server and returns its connection string.
    /// (The app's migrations would create it too, but log a failed connection first.)
    /// </summary>
    public static string CreatePostgreSql(string name)
    {
        Maintenance(PostgreSqlServer, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = name }.ConnectionString;
    }

    public static void DropPostgreSql(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        // FORCE: a background job of the disposed host may still hold a connection.
        Maintenance(connectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static void Maintenance(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

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

    /// <summary>A connection string for a database of that name on the test server (the app's migrations create it).</summary>
    public static string PostgreSqlDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = name }.ConnectionString;

    public static void DropPostgreSql(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // FORCE: a background job of the disposed host may still hold a connection.
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

using Destek.Core.Search;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Destek.Core.Data;

/// <summary>
/// The ticket group commit's own SQLite connection, kept open, with the ticket INSERT compiled once on it.
/// Microsoft.Data.Sqlite keeps a compiled statement only for the life of one command, and EF makes a command
/// per save: every new ticket paid for SQLite compiling an INSERT into a table with over twenty indexes, four
/// foreign keys and the full-text trigger (about 140 µs, a third of the single writer's time per ticket).
/// The statement is built from the EF model (columns, converters, store defaults), so the row is the one EF
/// would write; everything else in the save (numbers, event handlers, related rows) still goes through EF on
/// this connection. Only for SQLite; one save at a time uses it.
/// </summary>
public sealed class PreparedTicketInsert : IAsyncDisposable
{
    private readonly SemaphoreSlim _inUse = new(1, 1);
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private Column[] _columns = [];

    /// <summary>A context for one group-commit save: on SQLite it runs on the kept connection and inserts tickets with the compiled statement.</summary>
    public async Task<Lease> LeaseAsync(IDbContextFactory<DestekDbContext> dbFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return new Lease(db, null);
        }

        await _inUse.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await OpenAsync(db.Database.GetConnectionString()!, cancellationToken);
            db.Database.SetDbConnection(_connection, contextOwnsConnection: false);
            db.PreparedInsert = this;
            return new Lease(db, this);
        }
        catch
        {
            _inUse.Release();
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opened here, not by EF: EF closes a connection it opened when the save ends, and closing drops the statement.</summary>
    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqlitePragmas.ApplyAsync(connection, cancellationToken);
            await using var journal = connection.CreateCommand();
            // Each INSERT fires the full-text trigger, so SQLite keeps a statement journal of the pages it touches,
            // and past 64 KB it went to a temporary file, a write call per page. Only here: on other connections
            // the same setting would keep large sorts in memory too.
            journal.CommandText = "PRAGMA temp_store=MEMORY;";
            await journal.ExecuteNonQueryAsync(cancellationToken);
            SqliteSearchFunctions.Register(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Inserts the added tickets in the save's transaction and hands them to EF as saved, with their ids.</summary>
    internal async Task InsertAsync(DestekDbContext db, IReadOnlyList<EntityEntry<Ticket>> added, CancellationToken cancellationToken)
    {
        var insert = _insert ?? await PrepareAsync(db, cancellationToken);
        insert.Transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        foreach (var entry in added)
        {
            insert.Parameters.Clear();
            for (var i = 0; i < _columns.Length; i++)
            {
                var column = _columns[i];
                var value = column.Getter.GetClrValueUsingContainingEntity(entry.Entity);
                if (column.StoreDefault is { } storeDefault && Equals(value, column.Property.Sentinel))
                {
                    // EF leaves such a column out and lets the database fill it; the same value, written here.
                    value = storeDefault;
                    entry.Property(column.Property.Name).CurrentValue = value;
                }

                insert.Parameters.Add(column.Mapping.CreateParameter(insert, column.ParameterName, value, column.Property.IsNullable));
            }

            var id = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            var idProperty = entry.Property(t => t.Id);
            idProperty.CurrentValue = id;
            idProperty.IsTemporary = false;
            // Saved as it is now: without this, EF compares with the values from when the ticket was added
            // (before its number and SLA times) and writes them again as an UPDATE.
            entry.OriginalValues.SetValues(entry.CurrentValues);
            entry.State = EntityState.Unchanged;
        }
    }

    private async Task<SqliteCommand> PrepareAsync(DestekDbContext db, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(Ticket))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        _columns = [.. entityType.GetProperties()
            .Where(p => p != key)
            .Select((p, i) => new Column(p, p.GetGetter(), p.GetColumnName(table)!, "@p" + i, p.GetRelationalTypeMapping(),
                p.ValueGenerated == ValueGenerated.OnAdd ? p.GetDefaultValue(table) : null))];
        if (_columns.FirstOrDefault(c => c.Property.IsShadowProperty()
                || (c.Property.ValueGenerated != ValueGenerated.Never && c.StoreDefault is null)) is { } unsupported)
        {
            // The row must be exactly the one EF would write: values read from the entity, store defaults known.
            throw new InvalidOperationException($"The prepared ticket insert cannot write Ticket.{unsupported.Property.Name} (a shadow or database-generated value).");
        }

        var sql = $"""INSERT INTO "{table.Name}" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", _columns.Select(c => c.ParameterName))}) RETURNING "{key.GetColumnName(table)}";""";
        var insert = _connection!.CreateCommand();
        insert.CommandText = sql;
        insert.Transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await insert.PrepareAsync(cancellationToken);
        _insert = insert;
        return insert;
    }

    /// <summary>After a failed save: a fresh connection next time, so nothing of the failed transaction lingers.</summary>
    private async Task ResetAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
            _insert = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _inUse.WaitAsync();
        try
        {
            await ResetAsync();
        }
        finally
        {
            _inUse.Release();
        }
    }

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, string Name, string ParameterName, RelationalTypeMapping Mapping, object? StoreDefault);

    /// <summary>One save's context; disposing it frees the connection for the next save.</summary>
    public sealed class Lease(DestekDbContext db, PreparedTicketInsert? owner) : IAsyncDisposable
    {
        private bool _failed;

        public DestekDbContext Db { get; } = db;

        /// <summary>Marks the save as failed, so the kept connection is replaced.</summary>
        public void Failed() => _failed = true;

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            if (owner is null)
            {
                return;
            }

            try
            {
                if (_failed)
                {
                    await owner.ResetAsync();
                }
            }
            finally
            {
                owner._inUse.Release();
            }
        }
    }
}

using System.Collections.Concurrent;
using Destek.Core.Data;
using Destek.Core.Mail;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Destek.Tests.Mail;

/// <summary>
/// A migrated SQLite file that several "nodes" share: each <see cref="NewNode"/> has its own context
/// factory and write gate, as two app processes on one database would.
/// </summary>
public sealed class MailDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("destek-mail").FullName;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "destek.db"),
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    public IDbContextFactory<DestekDbContext> NewNode() => new NodeFactory(new DbContextOptionsBuilder<DestekDbContext>()
        .UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas(), new Destek.Core.Search.SqliteSearchFunctions(), new SqliteWriteGate()).Options);

    public async Task<MailDatabase> MigrateAsync()
    {
        await using var db = await NewNode().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return this;
    }

    public async Task<int[]> AddMailsAsync(int count, DateTimeOffset now)
    {
        await using var db = await NewNode().CreateDbContextAsync();
        var mails = Enumerable.Range(1, count)
            .Select(i => OutboxMail.Create("test", null, $"alici{i}@example.com", $"Alıcı {i}", $"Deneme {i}", $"Gövde {i}", now.UtcDateTime)).ToList();
        db.AddRange(mails);
        await db.SaveChangesAsync();
        return mails.Select(m => m.Id).ToArray();
    }

    public async Task<List<OutboxMail>> MailsAsync()
    {
        await using var db = await NewNode().CreateDbContextAsync();
        return await db.Set<OutboxMail>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private sealed class NodeFactory(DbContextOptions<DestekDbContext> options) : IDbContextFactory<DestekDbContext>
    {
        public DestekDbContext CreateDbContext() => new SqliteDestekDbContext(options);
    }
}

/// <summary>Records every mail it is asked to send; a short pause per send lets two senders overlap.</summary>
public sealed class RecordingTransport(string node, ConcurrentQueue<(string Node, int MailId)> sent, TimeSpan pause) : IMailTransport
{
    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await Task.Delay(pause, cancellationToken);
        sent.Enqueue((node, mail.Id));
    }
}

/// <summary>A send that starts and then hangs until the test lets it fail, like a node that dies mid-send.</summary>
public sealed class HangingTransport : IMailTransport
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        await Release.Task.WaitAsync(cancellationToken);
        throw new IOException("Bağlantı koptu.");
    }
}

public static class MailTestKit
{
    public static MailOutboxProcessor Processor(IDbContextFactory<DestekDbContext> node, IMailTransport transport, TimeProvider clock, MailOptions? options = null) =>
        new(node, transport, Options.Create(options ?? new MailOptions()), clock, NullLogger<MailOutboxProcessor>.Instance);
}

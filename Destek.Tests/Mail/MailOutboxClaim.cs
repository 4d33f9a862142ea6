using System.Collections.Concurrent;
using Destek.Core.Mail;
using Microsoft.Extensions.Time.Testing;
using static Destek.Tests.Mail.MailTestKit;

namespace Destek.Tests.Mail;

/// <summary>Outbox mails are leased in the database before they are sent, so several nodes share one outbox safely.</summary>
public sealed class MailOutboxClaim : IDisposable
{
    private readonly MailDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TwoNodesSendingAtOnceSendEveryMailExactlyOnce()
    {
        await _database.MigrateAsync();
        var ids = await _database.AddMailsAsync(40, _clock.GetUtcNow());
        var sent = new ConcurrentQueue<(string Node, int MailId)>();
        var nodeA = Processor(_database.NewNode(), new RecordingTransport("A", sent, TimeSpan.FromMilliseconds(5)), _clock);
        var nodeB = Processor(_database.NewNode(), new RecordingTransport("B", sent, TimeSpan.FromMilliseconds(5)), _clock);

        // Both nodes see the same 40 due mails at the same moment, twice over.
        var counts = await Task.WhenAll(
            Task.Run(() => nodeA.SendDueAsync()), Task.Run(() => nodeB.SendDueAsync()),
            Task.Run(() => nodeA.SendDueAsync()), Task.Run(() => nodeB.SendDueAsync()));

        Assert.Equal(ids.Order(), sent.Select(s => s.MailId).Order());
        Assert.Equal(40, counts.Sum());
        Assert.All(await _database.MailsAsync(), m =>
        {
            Assert.Equal(OutboxMailStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.LockedUntil);
            Assert.Null(m.ClaimToken);
        });
    }

    [Fact]
    public async Task AnExpiredLeaseIsTakenOverAndTheDeadNodesLateResultIsDropped()
    {
        await _database.MigrateAsync();
        var id = Assert.Single(await _database.AddMailsAsync(1, _clock.GetUtcNow()));
        var options = new MailOptions { LeaseSeconds = 120 };
        var hanging = new HangingTransport();
        var dying = Processor(_database.NewNode(), hanging, _clock, options);
        var sent = new ConcurrentQueue<(string Node, int MailId)>();
        var healthy = Processor(_database.NewNode(), new RecordingTransport("B", sent, TimeSpan.Zero), _clock, options);

        var dyingPass = dying.SendDueAsync();
        await hanging.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var leased = Assert.Single(await _database.MailsAsync());
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddSeconds(120), leased.LockedUntil);
        Assert.NotNull(leased.ClaimToken);

        // While the lease holds, the mail is not sent again.
        Assert.Equal(0, await healthy.SendDueAsync());
        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await healthy.SendDueAsync());
        Assert.Empty(sent);

        // The lease runs out: the healthy node sends it.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await healthy.SendDueAsync());
        Assert.Equal([("B", id)], sent.ToArray());

        // The first node comes back with a failure: it must not undo the delivery.
        hanging.Release.SetResult();
        Assert.Equal(0, await dyingPass.WaitAsync(TimeSpan.FromSeconds(10)));
        var mail = Assert.Single(await _database.MailsAsync());
        Assert.Equal(OutboxMailStatus.Sent, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.Null(mail.LastError);
        Assert.Null(mail.LockedUntil);
    }

    [Fact]
    public async Task AFailedSendReleasesTheLeaseAndWaitsForItsBackoff()
    {
        await _database.MigrateAsync();
        await _database.AddMailsAsync(1, _clock.GetUtcNow());
        var hanging = new HangingTransport();
        hanging.Release.SetResult();
        var node = Processor(_database.NewNode(), hanging, _clock, new MailOptions { BackoffSeconds = 30 });

        Assert.Equal(0, await node.SendDueAsync());

        var mail = Assert.Single(await _database.MailsAsync());
        Assert.Equal(OutboxMailStatus.Pending, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.Equal("IOException: Bağlantı koptu.", mail.LastError);
        Assert.Null(mail.LockedUntil);
        Assert.Null(mail.ClaimToken);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddSeconds(30), mail.NextAttemptAt);
    }

    public void Dispose() => _database.Dispose();
}

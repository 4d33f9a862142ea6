using Destek.App.Desk.Presence;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.Presence;

/// <summary>The in-memory presence service on a fake clock: who has a ticket open, who types, and when they stop counting.</summary>
public sealed class PresenceTracking : IDisposable
{
    private const int Ticket = 42;
    private const int Ayse = 7;
    private const int Mehmet = 8;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly DeskPresence _presence;
    private readonly List<IReadOnlySet<int>> _told = [];

    public PresenceTracking()
    {
        _presence = new DeskPresence(_clock, Options.Create(new PresenceOptions
        {
            Silence = TimeSpan.FromSeconds(45),
            TypingFor = TimeSpan.FromSeconds(6),
            Sweep = TimeSpan.FromSeconds(1),
        }));
        _presence.Subscribe(changed =>
        {
            lock (_told)
            {
                _told.Add(changed);
            }

            return Task.CompletedTask;
        });
    }

    [Fact]
    public void ShowsWhoHasTheTicketOpenUntilTheirPageCloses()
    {
        var page = _presence.Open(Ticket, Ayse, "Ayşe Kaya");

        Assert.Equal([new PresenceViewer(Ayse, "Ayşe Kaya", false)], _presence.ViewersOf(Ticket));
        Assert.Equal("Ayşe Kaya bu talebi görüntülüyor", PresenceText.Line(_presence.ViewersOf(Ticket)[0]));
        Assert.Contains(_told, t => t.Contains(Ticket));

        _presence.Close(page);
        Assert.Empty(_presence.ViewersOf(Ticket));
        Assert.Empty(_presence.Current);
    }

    [Fact]
    public void SilentPageExpiresAfterTheSilence()
    {
        _presence.Open(Ticket, Ayse, "Ayşe Kaya");

        _clock.Advance(TimeSpan.FromSeconds(44));
        Assert.Single(_presence.ViewersOf(Ticket));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_presence.ViewersOf(Ticket));
        Assert.True(_told.Count >= 2, "the expiry was announced");
    }

    [Fact]
    public void HeartbeatKeepsThePageListed()
    {
        var page = _presence.Open(Ticket, Ayse, "Ayşe Kaya");
        for (var i = 0; i < 6; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            _presence.Beat(page);
        }

        Assert.Single(_presence.ViewersOf(Ticket));
        _clock.Advance(TimeSpan.FromSeconds(46));
        Assert.Empty(_presence.ViewersOf(Ticket));
    }

    [Fact]
    public void TypingShowsUntilTheSignalRunsOut()
    {
        var page = _presence.Open(Ticket, Ayse, "Ayşe Kaya");
        _presence.Typing(page);

        var viewer = Assert.Single(_presence.ViewersOf(Ticket));
        Assert.True(viewer.Typing);
        Assert.Equal("Ayşe Kaya yazıyor", PresenceText.Line(viewer));

        _clock.Advance(TimeSpan.FromSeconds(4));
        _presence.Typing(page);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(Assert.Single(_presence.ViewersOf(Ticket)).Typing);

        _clock.Advance(TimeSpan.FromSeconds(2));
        var stopped = Assert.Single(_presence.ViewersOf(Ticket));
        Assert.False(stopped.Typing);
        Assert.Equal("Ayşe Kaya bu talebi görüntülüyor", PresenceText.Line(stopped));
    }

    [Fact]
    public void SendingEndsTypingAtOnce()
    {
        var page = _presence.Open(Ticket, Ayse, "Ayşe Kaya");
        _presence.Typing(page);

        _presence.StoppedTyping(page);

        Assert.False(Assert.Single(_presence.ViewersOf(Ticket)).Typing);
    }

    [Fact]
    public void RepeatedTypingSignalsAnnounceOnlyTheStart()
    {
        var page = _presence.Open(Ticket, Ayse, "Ayşe Kaya");
        var before = _told.Count;

        _presence.Typing(page);
        _presence.Typing(page);
        _presence.Typing(page);
        _presence.Beat(page);

        Assert.Equal(before + 1, _told.Count);
    }

    [Fact]
    public void TwoTabsOfOnePersonAreOneViewerTypingWhenEitherTypes()
    {
        _presence.Open(Ticket, Ayse, "Ayşe Kaya");
        var second = _presence.Open(Ticket, Ayse, "Ayşe Kaya");
        _presence.Open(Ticket, Mehmet, "Mehmet Demir");
        _presence.Typing(second);

        var viewers = _presence.ViewersOf(Ticket);
        Assert.Equal(["Ayşe Kaya", "Mehmet Demir"], viewers.Select(v => v.Name));
        Assert.True(viewers[0].Typing);
        Assert.False(viewers[1].Typing);
    }

    [Fact]
    public void QueueTitleNamesOthersInWordsAndLeavesOutTheViewer()
    {
        var title = new Microsoft.AspNetCore.Components.MarkupString("<a href=\"masa/talepler/42\">Yazıcı</a>");
        var page = _presence.Open(Ticket, Ayse, "Ayşe Kaya");
        _presence.Open(Ticket, Mehmet, "Mehmet Demir");
        _presence.Typing(page);

        var forMehmet = PresenceText.WithViewers(title, _presence.ViewersOf(Ticket), Mehmet).Value;
        Assert.Contains("Ayşe Kaya yazıyor", forMehmet, StringComparison.Ordinal);
        Assert.DoesNotContain("Mehmet Demir", forMehmet, StringComparison.Ordinal);
        Assert.Contains("aria-hidden=\"true\"", forMehmet, StringComparison.Ordinal);

        Assert.Equal(title, PresenceText.WithViewers(title, [new PresenceViewer(Mehmet, "Mehmet Demir", false)], Mehmet));
    }

    public void Dispose() => _presence.Dispose();
}

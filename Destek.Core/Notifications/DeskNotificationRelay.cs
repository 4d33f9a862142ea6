using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Destek.Core.Notifications;

/// <summary>
/// After a ticket change commits, tells the agents it just notified that their count changed. Notifications are
/// written inside the save, before the commit, so their signal waits for the committed change; one subscription for
/// the node, one indexed query per assignment or public message.
/// </summary>
public sealed class DeskNotificationRelay(ITicketChangeNotifier changes, DeskNotifications notifications, IDbContextFactory<DestekDbContext> dbFactory,
    TimeProvider clock) : IHostedService
{
    // Wide enough for a slow save between the handler's clock reading and the commit.
    private static readonly TimeSpan Recent = TimeSpan.FromMinutes(1);

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = changes.Subscribe(OnChangeAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task OnChangeAsync(TicketChange change)
    {
        if (!change.EventTypes.Contains(TicketEvent.Assigned) && !change.EventTypes.Contains(TicketEvent.CommentAdded))
        {
            return;
        }

        var since = clock.GetUtcNow().UtcDateTime - Recent;
        await using var db = await dbFactory.CreateDbContextAsync();
        var recipients = await db.Set<DeskNotification>().AsNoTracking()
            .Where(n => n.TicketId == change.TicketId && n.CreatedAt >= since)
            .Select(n => n.RecipientId).Distinct().ToListAsync();
        foreach (var recipient in recipients)
        {
            notifications.Changed(recipient);
        }
    }
}

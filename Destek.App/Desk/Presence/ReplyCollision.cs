using Destek.Core.Tickets;
using MudBlazor;

namespace Destek.App.Desk.Presence;

/// <summary>
/// The ticket page's guard against answering over a colleague: it remembers the last message the agent had in
/// front of them (when the page opened, after their own reply, after a warning) and, at send time, asks the database
/// for public replies by anyone else since then. Live updates show those replies but do not count as read: the
/// agent was typing. When there are any, a dialog shows them with "Yine de gönder" and "Vazgeç".
/// </summary>
public sealed class ReplyCollision
{
    private int? _ticketId;
    private int _seenMessageId;

    /// <summary>The page loaded a ticket; only a new ticket moves the mark.</summary>
    public void Opened(TicketDetail ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (_ticketId != ticket.Id)
        {
            Saw(ticket);
        }
    }

    /// <summary>Everything on the page now counts as read (after the agent's own reply).</summary>
    public void Saw(TicketDetail ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        _ticketId = ticket.Id;
        _seenMessageId = ticket.Messages.Count == 0 ? 0 : ticket.Messages.Max(m => m.Id);
    }

    /// <summary>True to send: nobody else replied since the mark, or the agent chose to send anyway.</summary>
    public async Task<bool> ConfirmAsync(TicketQueries queries, IDialogService dialogs, StaffMember me, int ticketId)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(dialogs);
        var newer = await queries.PublicRepliesAfterAsync(me, ticketId, _ticketId == ticketId ? _seenMessageId : int.MaxValue);
        if (newer.Count == 0)
        {
            return true;
        }

        // Shown once: after this warning those replies count as read, whatever the agent chooses.
        _seenMessageId = Math.Max(_seenMessageId, newer.Max(m => m.Id));
        var parameters = new DialogParameters<ReplyCollisionDialog> { { d => d.Replies, newer } };
        var dialog = await dialogs.ShowAsync<ReplyCollisionDialog>(ReplyCollisionDialog.TitleOf(newer), parameters,
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}

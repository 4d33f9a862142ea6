using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Satisfaction;

/// <summary>Where a rating link stands.</summary>
public enum RatingLinkStatus
{
    /// <summary>Unknown token: never issued, or mistyped.</summary>
    Invalid,
    Expired,
    AlreadyRated,
    /// <summary>The ticket was reopened (or merged away) since the mail: nothing to rate now.</summary>
    NotResolved,
    Open,
    Rated,
}

public sealed record RatingLinkState(RatingLinkStatus Status, string? TicketNumber = null, string? TicketTitle = null, int? Score = null);

public sealed record TicketRatingView(int Score, string Label, string? Comment, RatingChannel Channel, DateTime RatedAt);

/// <summary>
/// Customer satisfaction: rating links from the mails (no sign-in, once, expiring) and the portal's
/// rating box (the signed-in owner). Reading a link never changes anything, so a mail scanner that
/// follows links rates nothing; only <see cref="RateWithLinkAsync"/> (a POST) does.
/// </summary>
public sealed class SatisfactionService(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock)
{
    public async Task<RatingLinkState> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await FindAsync(db, token, cancellationToken)).State;
    }

    public async Task<RatingLinkState> RateWithLinkAsync(string? token, int score, string? comment, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (state, invitation) = await FindAsync(db, token, cancellationToken);
        if (state.Status != RatingLinkStatus.Open || invitation is null)
        {
            return state;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rating = TicketRating.Create(invitation.TicketId, score, comment, RatingChannel.MailLink, now);
        invitation.Use(now);
        db.Add(rating);
        return await SaveRatingAsync(db, state, rating, cancellationToken);
    }

    /// <summary>The portal's box: the ticket's owner rates it while it is resolved or closed.</summary>
    public async Task<RatingLinkState> RateAsCustomerAsync(int customerUserId, Guid ticketPublicId, int score, string? comment, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await CustomerStateAsync(db, customerUserId, ticketPublicId, cancellationToken);
        if (state.Status != RatingLinkStatus.Open)
        {
            return state;
        }

        var ticketId = await db.Tickets.Where(t => t.PublicId == ticketPublicId).Select(t => t.Id).SingleAsync(cancellationToken);
        var rating = TicketRating.Create(ticketId, score, comment, RatingChannel.Portal, clock.GetUtcNow().UtcDateTime);
        db.Add(rating);
        return await SaveRatingAsync(db, state, rating, cancellationToken);
    }

    public async Task<RatingLinkState> CustomerStateAsync(int customerUserId, Guid ticketPublicId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CustomerStateAsync(db, customerUserId, ticketPublicId, cancellationToken);
    }

    /// <summary>The rating of a ticket, for the desk.</summary>
    public async Task<TicketRatingView?> ForTicketAsync(int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rating = await db.Set<TicketRating>().AsNoTracking().FirstOrDefaultAsync(r => r.TicketId == ticketId, cancellationToken);
        return rating is null ? null : new TicketRatingView(rating.Score, TicketRating.Label(rating.Score), rating.Comment, rating.Channel, rating.RatedAt);
    }

    private static async Task<RatingLinkState> CustomerStateAsync(DestekDbContext db, int customerUserId, Guid ticketPublicId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.PublicId == ticketPublicId && t.CustomerId == customerUserId)
            .Select(t => new { t.Id, t.Number, t.Title, t.Status, t.MergedIntoTicketId }).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return new RatingLinkState(RatingLinkStatus.Invalid);
        }

        var score = await db.Set<TicketRating>().Where(r => r.TicketId == ticket.Id).Select(r => (int?)r.Score).FirstOrDefaultAsync(cancellationToken);
        return State(ticket.Number, ticket.Title, ticket.Status, ticket.MergedIntoTicketId, score);
    }

    private async Task<(RatingLinkState State, RatingInvitation? Invitation)> FindAsync(DestekDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (!RatingInvitation.LooksLikeToken(token))
        {
            return (new RatingLinkState(RatingLinkStatus.Invalid), null);
        }

        var hash = RatingInvitation.Hash(token!);
        var invitation = await db.Set<RatingInvitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return (new RatingLinkState(RatingLinkStatus.Invalid), null);
        }

        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == invitation.TicketId)
            .Select(t => new { t.Number, t.Title, t.Status, t.MergedIntoTicketId }).SingleAsync(cancellationToken);
        var score = await db.Set<TicketRating>().Where(r => r.TicketId == invitation.TicketId).Select(r => (int?)r.Score).FirstOrDefaultAsync(cancellationToken);
        if (score is null && invitation.IsExpired(clock.GetUtcNow().UtcDateTime))
        {
            return (new RatingLinkState(RatingLinkStatus.Expired, ticket.Number, ticket.Title), invitation);
        }

        return (State(ticket.Number, ticket.Title, ticket.Status, ticket.MergedIntoTicketId, score), invitation);
    }

    private static RatingLinkState State(string number, string title, TicketStatus status, int? mergedInto, int? score) =>
        score is int given ? new RatingLinkState(RatingLinkStatus.AlreadyRated, number, title, given)
        : status is not (TicketStatus.Resolved or TicketStatus.Closed) || mergedInto is not null ? new RatingLinkState(RatingLinkStatus.NotResolved, number, title)
        : new RatingLinkState(RatingLinkStatus.Open, number, title);

    private static async Task<RatingLinkState> SaveRatingAsync(DestekDbContext db, RatingLinkState state, TicketRating rating, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return state with { Status = RatingLinkStatus.Rated, Score = rating.Score };
        }
        catch (DbUpdateException)
        {
            // Another click (another link of the same ticket, the portal) rated it first: the unique index said so.
            return state with { Status = RatingLinkStatus.AlreadyRated };
        }
    }
}

using System.Globalization;
using Destek.Core.Identity;
using Destek.Core.Satisfaction;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Mail;

/// <summary>
/// Writes the requester's e-mails into the outbox, inside the ticket's own transaction: the
/// confirmation for tickets opened through the support form or by mail, every public reply staff
/// write, and the ticket being resolved or closed by someone else. Internal notes never mail.
/// A requester whose confirmed customer account has notifications off gets only the confirmation.
/// Each mail links to the ticket: the portal page for a confirmed customer account, else a fresh
/// private follow link; and each can be answered (Reply-To with a token, a stored Message-Id).
/// </summary>
public sealed class TicketMailHandler(IOptions<MailOptions> options, IOptions<SatisfactionOptions> satisfaction, TimeProvider clock) : ITicketEventHandler
{
    public const string ConfirmationKind = "ticket_confirmation";
    public const string ReplyKind = "ticket_reply";
    public const string ResolvedKind = "ticket_resolved";
    public const string ClosedKind = "ticket_closed";

    public async Task HandleAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(events);
        var now = clock.GetUtcNow().UtcDateTime;
        var accounts = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var ticket = e.Ticket;
            if (string.IsNullOrWhiteSpace(ticket.RequesterEmail) || Kind(e) is not { } kind)
            {
                continue;
            }

            if (!accounts.TryGetValue(ticket.RequesterEmail, out var recipient))
            {
                recipient = accounts[ticket.RequesterEmail] = await RecipientAsync(sink, ticket.RequesterEmail, cancellationToken);
            }

            if (kind != ConfirmationKind && !recipient.NotifyByEmail)
            {
                continue;
            }

            string link;
            if (recipient.IsCustomer)
            {
                link = Link($"portal/talepler/{ticket.PublicId}");
            }
            else
            {
                var (followLink, token) = TicketFollowLink.Issue(ticket.Id, now);
                sink.Add(followLink);
                link = Link($"takip/{token}");
            }

            var rating = kind is ResolvedKind or ClosedKind ? await RatingLinesAsync(sink, ticket, now, cancellationToken) : "";
            var (subject, body) = kind switch
            {
                ConfirmationKind => ($"Destek Talebiniz Alındı - {ticket.Number}", Confirmation(ticket, link)),
                ReplyKind => ($"Destek Talebiniz Yanıtlandı - {ticket.Number}", Reply(ticket, e.Message!, link)),
                ResolvedKind => ($"Destek Talebiniz Çözüldü - {ticket.Number}", StatusMail(ticket, "çözüldü olarak işaretlendi", link, rating)),
                _ => ($"Destek Talebiniz Kapatıldı - {ticket.Number}", StatusMail(ticket, "kapatıldı", link, rating)),
            };
            sink.Add(OutboxMail.CreateAnswerable(kind, ticket.Id, ticket.RequesterEmail, ticket.RequesterName, subject, body, options.Value.ReplyAddress, now));
        }
    }

    /// <summary>Which mail an event asks for, if any. The requester's own changes are not mailed back to them.</summary>
    private static string? Kind(TicketEvent e) => e.Type switch
    {
        TicketEvent.Created when e.Ticket.Source is TicketSource.WebForm or TicketSource.Email => ConfirmationKind,
        TicketEvent.CommentAdded when e.Message is { IsPublic: true, AuthorKind: AuthorKind.Staff } => ReplyKind,
        TicketEvent.StatusChanged when e.Ticket.Status == TicketStatus.Resolved && e.Actor?.Kind != AuthorKind.Customer => ResolvedKind,
        TicketEvent.Closed when e.Actor?.Kind != AuthorKind.Customer && !e.Ticket.IsMerged => ClosedKind,
        _ => null,
    };

    private sealed record Recipient(bool IsCustomer, bool NotifyByEmail);

    /// <summary>Only a confirmed account speaks for an address: anyone can sign up with someone else's.</summary>
    private static async Task<Recipient> RecipientAsync(ITicketEventSink sink, string email, CancellationToken cancellationToken)
    {
        var normalized = email.ToUpperInvariant();
        var userRoles = sink.Query<IdentityUserRole<int>>();
        var roles = sink.Query<IdentityRole<int>>();
        var account = await sink.Query<AppUser>().Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => new
            {
                u.NotifyByEmail,
                IsCustomer = userRoles.Any(ur => ur.UserId == u.Id && roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Customer)),
            })
            .OrderByDescending(a => a.IsCustomer)
            .FirstOrDefaultAsync(cancellationToken);
        return account is { IsCustomer: true } ? new Recipient(true, account.NotifyByEmail) : new Recipient(false, true);
    }

    private string Link(string path) => new Uri(options.Value.PublicUrl, path).ToString();

    private string Footer(string link) => string.Create(CultureInfo.InvariantCulture, $"""
        Talebinizi görmek ve yanıtlamak için: {link}
        Bu e-postayı yanıtlayarak da talebinize mesaj ekleyebilirsiniz.

        İyi günler dileriz.
        {options.Value.Signature}
        """);

    private static string Facts(Ticket ticket) => string.Create(CultureInfo.InvariantCulture, $"""
        Talep numarası: {ticket.Number}
        Konu: {ticket.Category?.Name ?? ticket.Title}
        Durum: {TicketLifecycle.Label(ticket.Status)}
        """);

    private string Confirmation(Ticket ticket, string link) => string.Create(CultureInfo.InvariantCulture, $"""
        Sayın {ticket.RequesterName},

        Destek talebiniz başarıyla oluşturuldu.

        {Facts(ticket)}

        Tahmini yanıt süresi: {ServicePromise.EstimatedResponseTime}

        {Footer(link)}
        """);

    private string Reply(Ticket ticket, TicketMessage message, string link) => string.Create(CultureInfo.InvariantCulture, $"""
        Sayın {ticket.RequesterName},

        {ticket.Number} numaralı destek talebinize yanıt verildi:

        {message.Body}

        {Facts(ticket)}

        {Footer(link)}
        """);

    private string StatusMail(Ticket ticket, string what, string link, string rating) => string.Create(CultureInfo.InvariantCulture, $"""
        Sayın {ticket.RequesterName},

        {ticket.Number} numaralı destek talebiniz {what}.

        {Facts(ticket)}

        Sorununuz devam ediyorsa bu e-postayı yanıtlayın; talebiniz yeniden açılır.
        {rating}

        {Footer(link)}
        """);

    /// <summary>
    /// Five one-click rating links (CSAT), each to a page that asks to confirm before anything is
    /// recorded. A ticket rated already gets none; each mail gets its own expiring token.
    /// </summary>
    private async Task<string> RatingLinesAsync(ITicketEventSink sink, Ticket ticket, DateTime now, CancellationToken cancellationToken)
    {
        if (await sink.Query<TicketRating>().AnyAsync(r => r.TicketId == ticket.Id, cancellationToken))
        {
            return "";
        }

        var (invitation, token) = RatingInvitation.Issue(ticket.Id, now, satisfaction.Value.RatingLinkLifetime);
        sink.Add(invitation);
        var lines = new System.Text.StringBuilder("\nAldığınız destekten memnun kaldınız mı? Bir puana tıklayın (1 en kötü, 5 en iyi):\n");
        for (var score = TicketRating.MinScore; score <= TicketRating.MaxScore; score++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{score} - {TicketRating.Label(score)}: {Link($"degerlendir/{token}?puan={score}")}\n");
        }

        return lines.ToString();
    }
}

using System.Globalization;
using Destek.Core.Tickets;
using Microsoft.Extensions.Options;

namespace Destek.Core.Mail;

/// <summary>
/// Writes the requester's e-mails into the outbox, inside the ticket's own transaction: the
/// confirmation for tickets opened through the support form (the support form document's text), and every public
/// reply staff write on a ticket.
/// </summary>
public sealed class TicketMailHandler(IOptions<MailOptions> options, TimeProvider clock) : ITicketEventHandler
{
    public const string ConfirmationKind = "ticket_confirmation";
    public const string ReplyKind = "ticket_reply";

    public Task HandleAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(events);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in events)
        {
            var ticket = e.Ticket;
            if (string.IsNullOrWhiteSpace(ticket.RequesterEmail))
            {
                continue;
            }

            if (e.Type == TicketEvent.Created && ticket.Source == TicketSource.WebForm)
            {
                sink.Add(OutboxMail.Create(ConfirmationKind, ticket.Id, ticket.RequesterEmail, ticket.RequesterName,
                    $"Destek Talebiniz Alındı - {ticket.Number}", Confirmation(ticket), now));
            }
            else if (e.Type == TicketEvent.CommentAdded && e.Message is { IsPublic: true } message && message.AuthorKind == AuthorKind.Staff)
            {
                sink.Add(OutboxMail.Create(ReplyKind, ticket.Id, ticket.RequesterEmail, ticket.RequesterName,
                    $"Destek Talebiniz Yanıtlandı - {ticket.Number}", Reply(ticket, message), now));
            }
        }

        return Task.CompletedTask;
    }

    private string Confirmation(Ticket ticket) => string.Create(CultureInfo.InvariantCulture, $"""
        Sayın {ticket.RequesterName},

        Destek talebiniz başarıyla oluşturuldu.

        Ticket Numarası: {ticket.Number}
        Konu: {ticket.Category?.Name ?? ticket.Title}
        Durum: {TicketLifecycle.Label(ticket.Status)}

        Tahmini yanıt süresi: {ServicePromise.EstimatedResponseTime}

        İyi günler dileriz.
        {options.Value.Signature}
        """);

    private string Reply(Ticket ticket, TicketMessage message) => string.Create(CultureInfo.InvariantCulture, $"""
        Sayın {ticket.RequesterName},

        {ticket.Number} numaralı destek talebinize yanıt verildi:

        {message.Body}

        Konu: {ticket.Category?.Name ?? ticket.Title}
        Durum: {TicketLifecycle.Label(ticket.Status)}

        İyi günler dileriz.
        {options.Value.Signature}
        """);
}

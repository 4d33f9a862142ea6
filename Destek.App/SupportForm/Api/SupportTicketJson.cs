using Destek.Core.SupportForm;
using Destek.Core.Tickets;

namespace Destek.App.SupportForm.Api;

/// <summary>The support form document's SupportTicketListSerializer: the one ticket shape of its list, detail and action answers.</summary>
public static class SupportTicketJson
{
    public static Dictionary<string, object?> From(SupportTicketView ticket, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(context);
        return new Dictionary<string, object?>
        {
            ["id"] = ticket.Id,
            ["ticket_number"] = ticket.Number,
            ["name"] = ticket.Name,
            ["email"] = ticket.Email,
            ["phone"] = ticket.Phone,
            ["subject"] = ticket.Subject,
            ["message"] = ticket.Message,
            ["status"] = TicketLifecycle.ToSupportForm(ticket.Status),
            ["user"] = ticket.UserId,
            ["user_email"] = ticket.UserEmail,
            ["assigned_to"] = ticket.AssigneeId,
            ["assigned_to_email"] = ticket.AssigneeEmail,
            // Like DRF's FileField: an absolute URL (the staff-only download), or null.
            ["attachment"] = ticket.AttachmentId is int id ? $"{context.Request.Scheme}://{context.Request.Host}/masa/ekler/{id}" : null,
            ["attachment_name"] = ticket.AttachmentName,
            ["notes"] = ticket.Notes,
            ["created_at"] = SupportApiResults.Timestamp(ticket.CreatedAt),
            // auto_now in the seed: never empty, so an untouched ticket shows its creation time.
            ["updated_at"] = SupportApiResults.Timestamp(ticket.UpdatedAt ?? ticket.CreatedAt),
            // the support form document's save() clears resolved_at whenever the status is not resolved; the desk keeps the
            // time a closed ticket was resolved for its reports, so the document's rule applies here.
            ["resolved_at"] = ticket.Status == TicketStatus.Resolved ? SupportApiResults.Timestamp(ticket.ResolvedAt) : null,
        };
    }
}

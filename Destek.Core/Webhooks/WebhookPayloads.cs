using System.Text;
using System.Text.Json;
using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Webhooks;

/// <summary>
/// the external API's webhook bodies, written field by field in the seed's order:
/// <c>{"event","timestamp","ticket_id","ticket":{…},"changes":{…}}</c>, plus <c>"comment"</c> for
/// comment.added (and <c>"attachment"</c> for attachment.added, which the seed lists but does not show).
/// </summary>
public static class WebhookPayloads
{
    public const string TestEvent = "webhook.test";

    /// <summary>The ticket as it is now, with names resolved from the same context (inside the saving transaction).</summary>
    public static async Task<TicketSnapshot> SnapshotAsync(ITicketEventSink sink, Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ticket);
        var departmentName = ticket.Department?.Id == ticket.DepartmentId ? ticket.Department.Name
            : await sink.Query<Department>().Where(d => d.Id == ticket.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        string? assigneeName = null;
        if (ticket.AssigneeId is int assigneeId)
        {
            assigneeName = ticket.Assignee?.Id == assigneeId ? ticket.Assignee.FullName
                : await sink.Query<AppUser>().Where(u => u.Id == assigneeId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        }

        return new TicketSnapshot(ticket.Id, ticket.Title, ticket.Description, TicketLifecycle.ToExternal(ticket.Status),
            TicketLifecycle.ToEnglish(ticket.Priority), ExternalFormat.Source(ticket.Source), ticket.ExternalRef, ticket.DepartmentId,
            departmentName, ticket.AssigneeId, assigneeName, ExternalFormat.Timestamp(ticket.CreatedAt), ExternalFormat.Timestamp(ticket.UpdatedAt));
    }

    public static string ForEvent(TicketEvent ticketEvent, TicketSnapshot ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        ArgumentNullException.ThrowIfNull(ticket);
        return Write(w =>
        {
            w.WriteString("event", ticketEvent.Type);
            w.WriteString("timestamp", ExternalFormat.EnvelopeTimestamp(now));
            w.WriteNumber("ticket_id", ticket.Id);
            w.WritePropertyName("ticket");
            JsonSerializer.Serialize(w, ticket, ExternalFormat.Json);
            w.WritePropertyName("changes");
            JsonSerializer.Serialize(w, ticketEvent.Changes, ExternalFormat.Json);
            if (ticketEvent.Message is { } message)
            {
                w.WriteStartObject("comment");
                w.WriteNumber("id", message.Id);
                w.WriteString("content", message.Body);
                WriteNullableInt(w, "user_id", message.AuthorUserId);
                w.WriteString("created_at", ExternalFormat.Timestamp(message.CreatedAt));
                w.WriteEndObject();
            }

            if (ticketEvent.Attachment is { } attachment)
            {
                w.WriteStartObject("attachment");
                w.WriteNumber("id", attachment.Id);
                w.WriteString("file_name", attachment.FileName);
                w.WriteString("content_type", attachment.ContentType);
                w.WriteNumber("size", attachment.Size);
                w.WriteString("created_at", ExternalFormat.Timestamp(attachment.CreatedAt));
                w.WriteEndObject();
            }
        });
    }

    /// <summary>The body of "Test Et": an envelope like the others, with no ticket.</summary>
    public static string ForTest(int subscriptionId, DateTimeOffset now) => Write(w =>
    {
        w.WriteString("event", TestEvent);
        w.WriteString("timestamp", ExternalFormat.EnvelopeTimestamp(now));
        w.WriteNumber("webhook_id", subscriptionId);
        w.WriteString("message", "Destek webhook test bildirimi.");
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullableInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

/// <summary>The "ticket" object of a webhook body (the external API's fields).</summary>
public sealed record TicketSnapshot(
    int Id, string Title, string Description, string Status, string Priority, string Source, string? ExternalRef,
    int DepartmentId, string DepartmentName, int? AssigneeId, string? AssigneeName, string CreatedAt, string? UpdatedAt);

using Destek.Core.Tickets;

namespace Destek.App.Desk;

/// <summary>Says who changed what between two readings of a ticket, for the live notices.</summary>
public static class TicketChangeText
{
    public static IReadOnlyList<string> Describe(TicketDetail? before, TicketDetail? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        var lines = new List<string>();
        var seen = before.Messages.Select(m => m.Id).ToHashSet();
        foreach (var message in after.Messages.Where(m => !seen.Contains(m.Id)))
        {
            lines.Add(message.Kind == MessageKind.InternalNote
                ? $"{message.AuthorName} iç not ekledi."
                : $"{message.AuthorName} yanıt yazdı.");
        }

        foreach (var entry in after.History.Skip(before.History.Count))
        {
            lines.Add(entry.NewValue is null
                ? $"{entry.ActorName}: {DeskFormat.Field(entry.Field)} kaldırıldı."
                : $"{entry.ActorName}: {DeskFormat.Field(entry.Field)} '{entry.NewValue}' olarak değiştirildi.");
        }

        if (lines.Count == 0 && after.Attachments.Count > before.Attachments.Count)
        {
            lines.Add($"{after.Attachments[^1].UploadedBy} ek yükledi.");
        }

        return lines.Count > 0 ? lines : ["Talep başka bir kullanıcı tarafından güncellendi."];
    }
}

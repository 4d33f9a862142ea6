namespace Destek.Core.Tickets;

/// <summary>
/// Merging two tickets of one requester and splitting a message off into a new ticket. The merged
/// ticket keeps its row (its number stays valid in mails, links and API clients) but is closed,
/// emptied and points to the survivor; everything it held moves, so nothing is copied twice.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>The ticket this one was merged into; a merged ticket stays closed.</summary>
    public int? MergedIntoTicketId { get; private set; }

    /// <summary>The ticket whose message this one was split off from.</summary>
    public int? SplitFromTicketId { get; private set; }

    public bool IsMerged => MergedIntoTicketId is not null;

    /// <summary>
    /// Whether both tickets come from the same person: the same customer account when both have one,
    /// else the same e-mail address. A name or a phone number alone is too weak to merge on.
    /// </summary>
    public bool SameRequesterAs(Ticket other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (CustomerId is int mine && other.CustomerId is int theirs)
        {
            return mine == theirs;
        }

        return !string.IsNullOrWhiteSpace(RequesterEmail) && string.Equals(RequesterEmail, other.RequesterEmail, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Moves this ticket's opening text, messages, attachments and history into <paramref name="survivor"/>,
    /// closes this ticket and points it there. Both tickets must be loaded with their messages,
    /// attachments and history.
    /// </summary>
    public void MergeInto(Ticket survivor, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != AuthorKind.Staff)
        {
            throw new TicketRuleException("Talepleri yalnızca personel birleştirebilir.");
        }

        if (ReferenceEquals(survivor, this) || (Id != 0 && survivor.Id == Id))
        {
            throw new TicketRuleException("Bir talep kendisiyle birleştirilemez.");
        }

        if (IsMerged)
        {
            throw new TicketRuleException($"{Number} zaten başka bir talebe birleştirilmiş.");
        }

        if (survivor.IsMerged)
        {
            throw new TicketRuleException($"{survivor.Number} başka bir talebe birleştirilmiş; onun yerine birleştirildiği talebi seçin.");
        }

        if (survivor.Status == TicketStatus.Closed)
        {
            throw new TicketRuleException($"{survivor.Number} kapatılmış; kapatılmış bir talebe birleştirilemez, önce onu yeniden açın.");
        }

        if (!SameRequesterAs(survivor))
        {
            throw new TicketRuleException("Yalnızca aynı müşterinin talepleri birleştirilebilir.");
        }

        // The opening text becomes a message of the survivor, at the time it was written, so the
        // survivor's conversation reads in order with the other ticket's messages folded in.
        var opening = TicketMessage.Opening(survivor, this);
        survivor._messages.Add(opening);
        survivor.PublicMessageCount++;
        foreach (var message in _messages.ToList())
        {
            message.MoveTo(survivor);
            survivor._messages.Add(message);
            if (message.IsPublic)
            {
                survivor.PublicMessageCount++;
                if (message.AuthorKind == AuthorKind.Staff && (survivor.FirstRespondedAt is null || message.CreatedAt < survivor.FirstRespondedAt))
                {
                    survivor.FirstRespondedAt = message.CreatedAt;
                }
            }
        }

        foreach (var attachment in _attachments.ToList())
        {
            attachment.MoveTo(survivor, attachment.MessageId is null && attachment.Message is null ? opening : null);
            survivor._attachments.Add(attachment);
            survivor.AttachmentCount++;
        }

        foreach (var entry in _history.ToList())
        {
            entry.MoveTo(survivor);
            survivor._history.Add(entry);
        }

        var lastPublic = survivor._messages.Where(m => m.IsPublic).MaxBy(m => m.CreatedAt);
        if (lastPublic is not null && (survivor.LastPublicMessageAt is null || lastPublic.CreatedAt >= survivor.LastPublicMessageAt))
        {
            survivor.LastPublicMessageAt = lastPublic.CreatedAt;
            survivor.StaffSpokeLast = lastPublic.AuthorKind == AuthorKind.Staff;
        }

        _messages.Clear();
        _attachments.Clear();
        _history.Clear();
        PublicMessageCount = 0;
        AttachmentCount = 0;

        survivor.Record(HistoryField.Merge, Number, survivor.Number, actor, now);
        survivor.Touch(now);
        survivor.Raise(TicketEvent.Merged, actor, ("merged_ticket_id", Id), ("merged_ticket_number", Number), ("surviving_ticket_id", survivor.Id));

        Record(HistoryField.Merge, Number, survivor.Number, actor, now);
        if (Status != TicketStatus.Closed)
        {
            ChangeStatus(TicketStatus.Closed, actor, now);
        }

        MergedIntoTicketId = survivor.Id;
        Touch(now);
        Raise(TicketEvent.Merged, actor, ("merged_ticket_id", Id), ("merged_ticket_number", Number), ("surviving_ticket_id", survivor.Id),
            ("surviving_ticket_number", survivor.Number));
    }

    /// <summary>
    /// A new ticket of the same requester whose text is the given public message. The message stays
    /// where it was (the conversation keeps its context); the new ticket points back here and both
    /// record the split. Files stay with the original message.
    /// </summary>
    public Ticket SplitOff(int messageId, string title, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != AuthorKind.Staff)
        {
            throw new TicketRuleException("Mesajı yalnızca personel yeni talebe ayırabilir.");
        }

        if (IsMerged)
        {
            throw new TicketRuleException($"{Number} başka bir talebe birleştirilmiş; mesajları orada.");
        }

        var message = _messages.FirstOrDefault(m => m.Id == messageId)
            ?? throw new TicketRuleException("Mesaj bu talepte bulunamadı.");
        if (!message.IsPublic)
        {
            // A note would become text the customer sees.
            throw new TicketRuleException("İç notlar yeni talebe ayrılamaz.");
        }

        var split = Open(new NewTicket
        {
            Title = string.IsNullOrWhiteSpace(title) ? (Title.Length + 10 <= TitleMaxLength ? $"{Title} (ayrılan)" : Title) : title,
            Description = message.Body,
            DepartmentId = DepartmentId,
            Source = TicketSource.Agent,
            RequesterName = RequesterName,
            RequesterEmail = RequesterEmail,
            RequesterPhone = RequesterPhone,
            CustomerId = CustomerId,
            Priority = Priority,
            CategoryId = CategoryId,
            ApiClientId = ApiClientId,
        }, actor, now);
        split.SplitFromTicketId = Id;
        split.Record(HistoryField.Split, Number, null, actor, now);
        Record(HistoryField.Split, null, split.Title, actor, now);
        Touch(now);
        return split;
    }
}

public sealed partial class TicketMessage
{
    /// <summary>A merged ticket's opening text as a message of the survivor, dated when it was written.</summary>
    internal static TicketMessage Opening(Ticket survivor, Ticket merged)
    {
        var header = $"[{merged.Number} — {merged.Title}]";
        var body = merged.Description.Length == 0 ? header : $"{header}\n\n{merged.Description}";
        return new TicketMessage
        {
            PublicId = Guid.NewGuid(),
            Ticket = survivor,
            Kind = MessageKind.PublicReply,
            AuthorKind = AuthorKind.Customer,
            AuthorName = merged.RequesterName,
            AuthorEmail = merged.RequesterEmail,
            Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body,
            CreatedAt = merged.CreatedAt,
        };
    }

    internal void MoveTo(Ticket target)
    {
        Ticket = target;
        TicketId = target.Id;
    }
}

public sealed partial class TicketAttachment
{
    internal void MoveTo(Ticket target, TicketMessage? opening)
    {
        Ticket = target;
        TicketId = target.Id;
        if (opening is not null)
        {
            Message = opening;
        }
    }
}

public sealed partial class TicketHistoryEntry
{
    internal void MoveTo(Ticket target)
    {
        Ticket = target;
        TicketId = target.Id;
    }
}

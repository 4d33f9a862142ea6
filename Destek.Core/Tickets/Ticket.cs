using Destek.Core.Identity;
using Destek.Core.Organization;

namespace Destek.Core.Tickets;

/// <summary>
/// A support ticket. Every change goes through a method here: it checks the rule, records history
/// and raises the event. Nothing else writes these properties.
/// </summary>
public sealed partial class Ticket
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;

    private readonly List<TicketMessage> _messages = [];
    private readonly List<TicketAttachment> _attachments = [];
    private readonly List<TicketHistoryEntry> _history = [];
    private readonly List<TicketEvent> _events = [];

    private Ticket()
    {
    }

    public int Id { get; private set; }
    public Guid PublicId { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public TicketStatus Status { get; private set; }
    public TicketPriority Priority { get; private set; }
    public TicketSource Source { get; private set; }

    public int? CategoryId { get; private set; }
    public Category? Category { get; private set; }
    public int DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    public int? AssigneeId { get; private set; }
    public AppUser? Assignee { get; private set; }

    public string RequesterName { get; private set; } = "";
    public string? RequesterEmail { get; private set; }
    public string? RequesterPhone { get; private set; }
    /// <summary>The customer account the requester is, when there is one.</summary>
    public int? CustomerId { get; private set; }

    public string? ExternalRef { get; private set; }
    public bool IsPrivate { get; private set; }
    public string? TeosId { get; private set; }
    public string? CitizenshipNo { get; private set; }
    public int? ApiClientId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? UpdatedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>True when the last public message came from staff (the customer API document's "cevaplandi").</summary>
    public bool StaffSpokeLast { get; private set; }
    public DateTime? LastPublicMessageAt { get; private set; }
    public int PublicMessageCount { get; private set; }
    public int AttachmentCount { get; private set; }

    public IReadOnlyList<TicketMessage> Messages => _messages;
    public IReadOnlyList<TicketAttachment> Attachments => _attachments;
    public IReadOnlyList<TicketHistoryEntry> History => _history;

    /// <summary>Events raised since the ticket was loaded; drained by the DbContext on save.</summary>
    public IReadOnlyList<TicketEvent> PendingEvents => _events;

    internal void ClearEvents() => _events.Clear();

    /// <summary>Numbers are handed out inside the save that inserts the ticket (see TicketNumberGenerator).</summary>
    internal void AssignNumber(string number)
    {
        if (Number.Length > 0)
        {
            throw new InvalidOperationException("Ticket already has a number.");
        }

        Number = number;
    }

    /// <summary>A new ticket filed under a confirmed customer's address becomes that customer's; an owned ticket keeps its owner.</summary>
    public void ClaimFor(int customerId)
    {
        if (Id == 0 && CustomerId is null)
        {
            CustomerId = customerId;
        }
    }

    public static Ticket Open(NewTicket data, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = data.Title.Trim();
        if (title.Length == 0)
        {
            throw new TicketRuleException("Başlık boş olamaz.");
        }

        if (title.Length > TitleMaxLength)
        {
            throw new TicketRuleException($"Başlık en fazla {TitleMaxLength} karakter olabilir.");
        }

        if (data.Description.Length > DescriptionMaxLength)
        {
            throw new TicketRuleException($"Açıklama en fazla {DescriptionMaxLength} karakter olabilir.");
        }

        if (data.CitizenshipNo is { Length: > 0 } tc && !TcKimlikNo.IsValid(tc))
        {
            throw new TicketRuleException("TC Kimlik No geçersiz.");
        }

        var ticket = new Ticket
        {
            PublicId = Guid.NewGuid(),
            Title = title,
            Description = data.Description.Trim(),
            Status = TicketStatus.Open,
            Priority = data.Priority,
            Source = data.Source,
            CategoryId = data.CategoryId,
            DepartmentId = data.DepartmentId,
            RequesterName = data.RequesterName.Trim(),
            RequesterEmail = data.RequesterEmail?.Trim().ToLowerInvariant(),
            RequesterPhone = data.RequesterPhone?.Trim(),
            CustomerId = data.CustomerId,
            ExternalRef = data.ExternalRef,
            IsPrivate = data.IsPrivate,
            TeosId = data.TeosId,
            CitizenshipNo = string.IsNullOrEmpty(data.CitizenshipNo) ? null : data.CitizenshipNo,
            ApiClientId = data.ApiClientId,
            CreatedAt = now,
        };
        ticket._events.Add(new TicketEvent(TicketEvent.Created, ticket, new Dictionary<string, object?>(), Actor: actor));
        return ticket;
    }

    public void Assign(StaffMember? assignee, Actor actor, DateTime now)
    {
        if (assignee is not null && !assignee.WorksIn(DepartmentId))
        {
            throw new TicketRuleException($"{assignee.Name} bu talebin departmanında çalışmıyor.");
        }

        if (assignee?.UserId == AssigneeId)
        {
            return;
        }

        Record(HistoryField.Assignee, Assignee?.FullName ?? (AssigneeId is null ? null : $"#{AssigneeId}"), assignee?.Name, actor, now);
        AssigneeId = assignee?.UserId;
        Touch(now);
        Raise(TicketEvent.Assigned, actor, ("assignee_id", assignee?.UserId), ("assignee_name", assignee?.Name));
    }

    public void ChangeStatus(TicketStatus status, Actor actor, DateTime now)
    {
        if (status == Status)
        {
            return;
        }

        if (IsMerged)
        {
            throw new TicketRuleException($"{Number} başka bir talebe birleştirildi; durumu değiştirilemez.");
        }

        var old = Status;
        var reopening = old is TicketStatus.Closed or TicketStatus.Resolved && status is TicketStatus.Open or TicketStatus.InProgress;
        Record(HistoryField.Status, TicketLifecycle.Label(old), TicketLifecycle.Label(status), actor, now);
        Status = status;
        ResolvedAt = status == TicketStatus.Resolved ? now : status == TicketStatus.Closed ? ResolvedAt : null;
        ClosedAt = status == TicketStatus.Closed ? now : null;
        Touch(now);
        Raise(TicketEvent.StatusChanged, actor, ("status", TicketLifecycle.ToExternal(status)));
        if (status == TicketStatus.Closed)
        {
            Raise(TicketEvent.Closed, actor, ("status", TicketLifecycle.ToExternal(status)));
        }
        else if (reopening)
        {
            Raise(TicketEvent.Reopened, actor, ("status", TicketLifecycle.ToExternal(status)));
        }
    }

    public void ChangePriority(TicketPriority priority, Actor actor, DateTime now)
    {
        if (priority == Priority)
        {
            return;
        }

        Record(HistoryField.Priority, TicketLifecycle.Label(Priority), TicketLifecycle.Label(priority), actor, now);
        Priority = priority;
        Touch(now);
        Raise(TicketEvent.Updated, actor, ("priority", TicketLifecycle.ToEnglish(priority)));
    }

    /// <summary>Moves the ticket; an assignee who does not work in the new department is unassigned.</summary>
    public void MoveToDepartment(Department department, StaffMember? currentAssignee, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(department);
        if (department.Id == DepartmentId)
        {
            return;
        }

        if (!department.IsActive)
        {
            throw new TicketRuleException($"{department.Name} departmanı pasif.");
        }

        Record(HistoryField.Department, Department?.Name ?? $"#{DepartmentId}", department.Name, actor, now);
        DepartmentId = department.Id;
        Department = department;
        Touch(now);
        Raise(TicketEvent.Updated, actor, ("department_id", department.Id), ("department_name", department.Name));
        if (AssigneeId is not null && (currentAssignee is null || !currentAssignee.WorksIn(department.Id)))
        {
            Assign(null, actor, now);
        }
    }

    public void ChangeCategory(Category? category, Actor actor, DateTime now)
    {
        if (category?.Id == CategoryId)
        {
            return;
        }

        Record(HistoryField.Category, Category?.Name, category?.Name, actor, now);
        CategoryId = category?.Id;
        Category = category;
        Touch(now);
        Raise(TicketEvent.Updated, actor, ("category", category?.Slug));
    }

    /// <summary>
    /// Staff correct what the requester wrote (the support form document's admin update): name, contact details, title
    /// and text. The surface has validated the values; the ticket keeps its own length limits.
    /// </summary>
    public void CorrectRequest(string requesterName, string? requesterEmail, string? requesterPhone, string title, string description, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(requesterName);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != AuthorKind.Staff)
        {
            throw new TicketRuleException("Talebin içeriğini yalnızca personel düzeltebilir.");
        }

        title = title.Trim();
        if (title.Length == 0 || title.Length > TitleMaxLength)
        {
            throw new TicketRuleException($"Başlık 1 ile {TitleMaxLength} karakter arasında olmalıdır.");
        }

        if (description.Length > DescriptionMaxLength)
        {
            throw new TicketRuleException($"Açıklama en fazla {DescriptionMaxLength} karakter olabilir.");
        }

        var changes = new List<(string Key, object? Value)>();
        void Set<T>(string key, T current, T next, Action<T> apply)
        {
            if (!EqualityComparer<T>.Default.Equals(current, next))
            {
                apply(next);
                changes.Add((key, next));
            }
        }

        Set("requester_name", RequesterName, requesterName.Trim(), v => RequesterName = v);
        Set("requester_email", RequesterEmail, requesterEmail?.Trim().ToLowerInvariant(), v => RequesterEmail = v);
        Set("requester_phone", RequesterPhone, string.IsNullOrWhiteSpace(requesterPhone) ? null : requesterPhone.Trim(), v => RequesterPhone = v);
        Set("title", Title, title, v => Title = v);
        Set("description", Description, description.Trim(), v => Description = v);
        if (changes.Count > 0)
        {
            Touch(now);
            Raise(TicketEvent.Updated, actor, [.. changes]);
        }
    }

    /// <summary>A public message. Staff may not answer a closed ticket; a customer's answer reopens it.</summary>
    public TicketMessage Reply(string body, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind == AuthorKind.Staff && Status == TicketStatus.Closed)
        {
            throw new TicketRuleException("Kapatılmış talebe yanıt yazılamaz; önce talebi yeniden açın.");
        }

        var message = TicketMessage.Create(this, MessageKind.PublicReply, body, actor, now);
        _messages.Add(message);
        PublicMessageCount++;
        LastPublicMessageAt = now;
        StaffSpokeLast = actor.Kind == AuthorKind.Staff;
        if (StaffSpokeLast)
        {
            // Here, not only in the SLA clock: a customer's answer saved together with it would hide it from the clock.
            FirstRespondedAt ??= now;
        }

        Touch(now);
        Raise(TicketEvent.CommentAdded, actor, message: message);
        if (actor.Kind == AuthorKind.Customer && Status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            ChangeStatus(TicketStatus.Open, actor, now);
        }

        return message;
    }

    /// <summary>An internal note: never shown to customers or API clients, raises no webhook.</summary>
    public TicketMessage AddNote(string body, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != AuthorKind.Staff)
        {
            throw new TicketRuleException("İç notu yalnızca personel ekleyebilir.");
        }

        var message = TicketMessage.Create(this, MessageKind.InternalNote, body, actor, now);
        _messages.Add(message);
        Touch(now);
        return message;
    }

    public TicketAttachment Attach(StoredFile file, TicketMessage? message, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var attachment = TicketAttachment.Create(this, message, file, actor.Name, now);
        _attachments.Add(attachment);
        AttachmentCount++;
        Touch(now);
        Raise(TicketEvent.AttachmentAdded, actor, attachment: attachment);
        return attachment;
    }

    private void Touch(DateTime now) => UpdatedAt = now;

    private void Record(HistoryField field, string? oldValue, string? newValue, Actor actor, DateTime now) =>
        _history.Add(TicketHistoryEntry.Create(this, field, oldValue, newValue, actor, now));

    private void Raise(string type, Actor actor, params (string Key, object? Value)[] changes) =>
        _events.Add(new TicketEvent(type, this, changes.ToDictionary(c => c.Key, c => c.Value), Actor: actor));

    private void Raise(string type, Actor actor, TicketMessage? message = null, TicketAttachment? attachment = null) =>
        _events.Add(new TicketEvent(type, this, new Dictionary<string, object?>(), message, attachment, actor));
}

/// <summary>What a new ticket is made of, whichever surface it came through.</summary>
public sealed record NewTicket
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required int DepartmentId { get; init; }
    public required TicketSource Source { get; init; }
    public required string RequesterName { get; init; }
    public string? RequesterEmail { get; init; }
    public string? RequesterPhone { get; init; }
    public int? CustomerId { get; init; }
    public TicketPriority Priority { get; init; } = TicketPriority.Medium;
    public int? CategoryId { get; init; }
    public string? ExternalRef { get; init; }
    public bool IsPrivate { get; init; }
    public string? TeosId { get; init; }
    public string? CitizenshipNo { get; init; }
    public int? ApiClientId { get; init; }
}

/// <summary>A file already written to the data directory, ready to be attached.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string StoragePath);

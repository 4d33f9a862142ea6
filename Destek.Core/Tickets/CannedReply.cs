namespace Destek.Core.Tickets;

/// <summary>Who sees a canned reply: its author alone, or every agent (of one department, or of all).</summary>
public enum CannedReplyScope
{
    Personal = 0,
    Shared = 1,
}

/// <summary>
/// A reply text agents insert into a ticket's reply box (Hazır yanıt). Personal ones belong to their
/// author; shared ones are seen by all agents, or by one department's agents and the admins.
/// </summary>
public sealed class CannedReply
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 5_000;

    private CannedReply()
    {
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public CannedReplyScope Scope { get; private set; }
    /// <summary>For shared replies: the one department whose agents see it; null = every agent.</summary>
    public int? DepartmentId { get; private set; }
    public int OwnerUserId { get; private set; }
    public string OwnerName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    public static CannedReply Create(CannedReplyDraft draft, StaffMember author, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(author);
        var reply = new CannedReply { OwnerUserId = author.UserId, OwnerName = author.Name, CreatedAt = now };
        reply.Apply(draft, author);
        return reply;
    }

    public void Update(CannedReplyDraft draft, StaffMember editor, DateTime now)
    {
        if (!MayEdit(editor))
        {
            throw new CannedReplyException(null, "Bu hazır yanıtı yalnızca yazarı ya da (paylaşılan yanıtlarda) bir yönetici değiştirebilir.");
        }

        Apply(draft, editor);
        UpdatedAt = now;
    }

    /// <summary>Personal replies are their author's alone; shared ones also belong to the admins.</summary>
    public bool MayEdit(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.UserId == OwnerUserId || (Scope == CannedReplyScope.Shared && staff.IsAdmin);
    }

    public bool IsVisibleTo(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return Scope == CannedReplyScope.Personal
            ? staff.UserId == OwnerUserId
            : DepartmentId is not int department || staff.WorksIn(department) || staff.UserId == OwnerUserId;
    }

    private void Apply(CannedReplyDraft draft, StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var title = draft.Title?.Trim() ?? "";
        var body = draft.Body?.Trim() ?? "";
        if (title.Length == 0)
        {
            throw new CannedReplyException("title", "Başlık boş olamaz.");
        }

        if (title.Length > TitleMaxLength)
        {
            throw new CannedReplyException("title", $"Başlık en fazla {TitleMaxLength} karakter olabilir.");
        }

        if (body.Length == 0)
        {
            throw new CannedReplyException("body", "Metin boş olamaz.");
        }

        if (body.Length > BodyMaxLength)
        {
            throw new CannedReplyException("body", $"Metin en fazla {BodyMaxLength} karakter olabilir.");
        }

        if (draft.Scope == CannedReplyScope.Shared && draft.DepartmentId is int department && !staff.WorksIn(department))
        {
            throw new CannedReplyException("department", "Yalnızca çalıştığınız bir departmanla paylaşabilirsiniz.");
        }

        Title = title;
        Body = body;
        Scope = draft.Scope;
        DepartmentId = draft.Scope == CannedReplyScope.Shared ? draft.DepartmentId : null;
    }
}

/// <summary>What the editor sends for a canned reply.</summary>
public sealed record CannedReplyDraft(string? Title, string? Body, CannedReplyScope Scope = CannedReplyScope.Personal, int? DepartmentId = null);

/// <summary>A refused canned reply, naming the field so the editor can show it there.</summary>
public sealed class CannedReplyException(string? field, string message) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}

using System.Globalization;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Tickets;

/// <summary>A canned reply as lists and the picker show it.</summary>
public sealed record CannedReplyView(int Id, string Title, string Body, CannedReplyScope Scope, int? DepartmentId, string? DepartmentName,
    int OwnerUserId, string OwnerName, bool MayEdit);

/// <summary>Reads and writes canned replies for one staff member at a time; each call its own context.</summary>
public sealed class CannedReplyService(IDbContextFactory<DestekDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>An agent rarely keeps more; the picker and the page search within these in memory.</summary>
    public const int ListLimit = 500;

    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    /// <summary>Every reply the viewer may use, titles in Turkish order; <paramref name="search"/> matches title or text, ignoring case the Turkish way.</summary>
    public async Task<IReadOnlyList<CannedReplyView>> ListAsync(StaffMember viewer, string? search = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var departments = viewer.DepartmentIds.ToList();
        var rows = await db.Set<CannedReply>().AsNoTracking()
            .Where(r => r.OwnerUserId == viewer.UserId
                || (r.Scope == CannedReplyScope.Shared && (r.DepartmentId == null || viewer.IsAdmin || departments.Contains(r.DepartmentId.Value))))
            .OrderBy(r => r.Id).Take(ListLimit)
            .Select(r => new { Reply = r, DepartmentName = db.Departments.Where(d => d.Id == r.DepartmentId).Select(d => d.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var term = search?.Trim() ?? "";
        return rows
            .Where(r => term.Length == 0 || Turkish.CompareInfo.IndexOf(r.Reply.Title, term, CompareOptions.IgnoreCase) >= 0
                || Turkish.CompareInfo.IndexOf(r.Reply.Body, term, CompareOptions.IgnoreCase) >= 0)
            .OrderBy(r => r.Reply.Title, StringComparer.Create(Turkish, ignoreCase: true))
            .Select(r => View(r.Reply, r.DepartmentName, viewer))
            .ToList();
    }

    public async Task<CannedReplyView> CreateAsync(StaffMember author, CannedReplyDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureDepartmentAsync(db, draft, cancellationToken);
        var reply = CannedReply.Create(draft, author, clock.GetUtcNow().UtcDateTime);
        db.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        return View(reply, null, author);
    }

    public async Task<CannedReplyView> UpdateAsync(StaffMember editor, int id, CannedReplyDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reply = await FindAsync(db, editor, id, cancellationToken);
        await EnsureDepartmentAsync(db, draft, cancellationToken);
        reply.Update(draft, editor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return View(reply, null, editor);
    }

    public async Task DeleteAsync(StaffMember editor, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reply = await FindAsync(db, editor, id, cancellationToken);
        if (!reply.MayEdit(editor))
        {
            throw new CannedReplyException(null, "Bu hazır yanıtı yalnızca yazarı ya da (paylaşılan yanıtlarda) bir yönetici silebilir.");
        }

        db.Remove(reply);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A reply the staff member cannot see is answered like one that does not exist.</summary>
    private static async Task<CannedReply> FindAsync(DestekDbContext db, StaffMember staff, int id, CancellationToken cancellationToken)
    {
        var reply = await db.Set<CannedReply>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return reply is not null && reply.IsVisibleTo(staff) ? reply : throw new CannedReplyException(null, "Hazır yanıt bulunamadı.");
    }

    private static async Task EnsureDepartmentAsync(DestekDbContext db, CannedReplyDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Scope == CannedReplyScope.Shared && draft.DepartmentId is int department
            && !await db.Departments.AnyAsync(d => d.Id == department, cancellationToken))
        {
            throw new CannedReplyException("department", "Departman bulunamadı.");
        }
    }

    private static CannedReplyView View(CannedReply r, string? departmentName, StaffMember viewer) =>
        new(r.Id, r.Title, r.Body, r.Scope, r.DepartmentId, departmentName, r.OwnerUserId, r.OwnerName, r.MayEdit(viewer));
}

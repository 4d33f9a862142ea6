using Destek.Core.Access;
using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Destek.App.Portal;

public sealed record PortalCategory(string Slug, string Name);

/// <summary>A file of the public conversation; <see cref="MessageId"/> is null for the opening request's files.</summary>
public sealed record PortalFile(Guid Id, Guid? MessageId, string FileName, string ContentType, long Size);

/// <summary>The ticket's database id (to match live changes, never shown) and its public files.</summary>
public sealed record PortalTicketFiles(int TicketId, IReadOnlyList<PortalFile> Files);

public sealed record PortalProfile(string Name, string Email, string? Phone, bool NotifyByEmail, int? OrganizationId, string? OrganizationName);

/// <summary>
/// The portal's reads beside <see cref="CustomerTicketQueries"/> (which gives tickets and messages): categories,
/// the files of a customer's ticket, the profile and the customer's own tokens. Every read is scoped
/// to the customer; a context per operation.
/// </summary>
public sealed class PortalData(IDbContextFactory<DestekDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PortalCategory>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new PortalCategory(c.Slug, c.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Files of the opening request and of public messages (a note's files stay hidden); null when the ticket is not the customer's.</summary>
    public async Task<PortalTicketFiles?> FilesAsync(int customerId, Guid ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Tickets.AsNoTracking().Where(t => t.PublicId == ticketId && t.CustomerId == customerId).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is not int ticket)
        {
            return null;
        }

        var files = await db.TicketAttachments.AsNoTracking()
            .Where(a => a.TicketId == ticket && (a.MessageId == null || a.Message!.Kind == MessageKind.PublicReply))
            .OrderBy(a => a.Id)
            .Select(a => new PortalFile(a.PublicId, a.MessageId == null ? null : a.Message!.PublicId, a.FileName, a.ContentType, a.Size))
            .ToListAsync(cancellationToken);
        return new PortalTicketFiles(ticket, files);
    }

    /// <summary>The attachment, when it belongs to a public part of one of the customer's tickets.</summary>
    public async Task<TicketAttachment?> AttachmentAsync(int customerId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TicketAttachments.AsNoTracking()
            .Where(a => a.PublicId == attachmentId && a.Ticket!.CustomerId == customerId && (a.MessageId == null || a.Message!.Kind == MessageKind.PublicReply))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PortalProfile?> ProfileAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new PortalProfile(u.FullName, u.Email ?? "", u.PhoneNumber, u.NotifyByEmail, u.CustomerOrganizationId,
                db.Set<CustomerOrganization>().Where(o => o.Id == u.CustomerOrganizationId).Select(o => o.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SaveProfileAsync(int userId, string name, string? phone, bool notifyByEmail, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Set<AppUser>().FirstAsync(u => u.Id == userId, cancellationToken);
        user.FullName = name;
        user.PhoneNumber = phone;
        user.NotifyByEmail = notifyByEmail;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The customer's own tokens, newest first (never anyone else's, whatever organization they share).</summary>
    public async Task<IReadOnlyList<PersonalAccessToken>> TokensAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<PersonalAccessToken>().AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> OwnsTokenAsync(int userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<PersonalAccessToken>().AnyAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
    }
}

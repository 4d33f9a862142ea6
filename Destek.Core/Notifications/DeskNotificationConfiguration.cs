using Destek.Core.Identity;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Notifications;

public sealed class DeskNotificationConfiguration : IEntityTypeConfiguration<DeskNotification>
{
    public void Configure(EntityTypeBuilder<DeskNotification> builder)
    {
        builder.ToTable("DeskNotifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(DeskNotificationKind.MaxLength).IsRequired();
        builder.Property(n => n.ActorName).HasMaxLength(DeskNotification.ActorNameMaxLength);
        // The bell's count reads (recipient, unread) only; the list pages a recipient's rows newest first by id.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientId, n.Id });
        builder.HasIndex(n => new { n.TicketId, n.CreatedAt });
        builder.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

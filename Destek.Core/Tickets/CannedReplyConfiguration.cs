using Destek.Core.Identity;
using Destek.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Tickets;

public sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CannedReplies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(CannedReply.TitleMaxLength).IsRequired();
        builder.Property(r => r.Body).HasMaxLength(CannedReply.BodyMaxLength).IsRequired();
        builder.Property(r => r.OwnerName).HasMaxLength(200).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        // The two halves of the picker's filter: an agent's own replies, and the shared ones by department.
        builder.HasIndex(r => r.OwnerUserId);
        builder.HasIndex(r => new { r.Scope, r.DepartmentId });
    }
}

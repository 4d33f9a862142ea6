using Destek.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class StaffDepartmentConfiguration : IEntityTypeConfiguration<StaffDepartment>
{
    public void Configure(EntityTypeBuilder<StaffDepartment> builder)
    {
        builder.ToTable("StaffDepartments");
        builder.HasKey(s => new { s.UserId, s.DepartmentId });
        builder.HasOne(s => s.User).WithMany(u => u.Departments).HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Department).WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.IsLead).HasDefaultValue(false);
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200).IsRequired();
        builder.HasIndex(u => u.PublicId).IsUnique();
        // Accounts made before the setting existed keep getting mails; the sentinel makes EF send false explicitly.
        builder.Property(u => u.NotifyByEmail).HasDefaultValue(true).HasSentinel(true);
    }
}

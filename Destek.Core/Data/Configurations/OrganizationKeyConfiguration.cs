using Destek.Core.Access;
using Destek.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class OrganizationKeyConfiguration : IEntityTypeConfiguration<OrganizationKey>
{
    public void Configure(EntityTypeBuilder<OrganizationKey> builder)
    {
        builder.ToTable("OrganizationKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(OrganizationKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Hint).HasMaxLength(20).IsRequired();
        builder.Property(k => k.KeyHash).HasMaxLength(64).IsRequired();
        builder.Ignore(k => k.IsActive);
        builder.HasOne<CustomerOrganization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => new { k.OrganizationId, k.CreatedAt });
    }
}

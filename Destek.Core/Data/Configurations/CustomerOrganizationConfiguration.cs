using Destek.Core.Customers;
using Destek.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class CustomerOrganizationConfiguration : IEntityTypeConfiguration<CustomerOrganization>
{
    public void Configure(EntityTypeBuilder<CustomerOrganization> builder)
    {
        builder.ToTable("CustomerOrganizations");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.PublicId).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(CustomerOrganization.NameMaxLength).IsRequired();
        builder.Property(o => o.TaxId).HasMaxLength(11).IsRequired();
        builder.HasIndex(o => o.TaxId);
        builder.HasIndex(o => o.Name);

        // An account belongs to at most one organization; removing the organization leaves the account.
        builder.HasMany<AppUser>().WithOne().HasForeignKey(u => u.CustomerOrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

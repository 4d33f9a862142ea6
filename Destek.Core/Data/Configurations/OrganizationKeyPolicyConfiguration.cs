using Destek.Core.Access;
using Destek.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class OrganizationKeyPolicyConfiguration : IEntityTypeConfiguration<OrganizationKeyPolicy>
{
    public void Configure(EntityTypeBuilder<OrganizationKeyPolicy> builder)
    {
        builder.ToTable("OrganizationKeyPolicies");
        builder.HasKey(p => p.OrganizationId);
        builder.Property(p => p.OrganizationId).ValueGeneratedNever();
        builder.HasOne<CustomerOrganization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

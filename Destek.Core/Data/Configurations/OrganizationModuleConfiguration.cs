using Destek.Core.Customers;
using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class OrganizationModuleConfiguration : IEntityTypeConfiguration<OrganizationModule>
{
    public void Configure(EntityTypeBuilder<OrganizationModule> builder)
    {
        builder.ToTable("OrganizationModules");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Module).HasMaxLength(60).IsRequired();
        builder.HasOne<CustomerOrganization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OrganizationId, m.Module }).IsUnique();
    }
}

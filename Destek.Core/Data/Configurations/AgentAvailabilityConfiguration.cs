using Destek.Core.Identity;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class AgentAvailabilityConfiguration : IEntityTypeConfiguration<AgentAvailability>
{
    public void Configure(EntityTypeBuilder<AgentAvailability> builder)
    {
        builder.ToTable("AgentAvailability");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

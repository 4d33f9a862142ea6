using Destek.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class BusinessCalendarDayConfiguration : IEntityTypeConfiguration<BusinessCalendarDay>
{
    public void Configure(EntityTypeBuilder<BusinessCalendarDay> builder)
    {
        builder.ToTable("BusinessCalendarDays");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).ValueGeneratedNever();
        var nine = new TimeOnly(9, 0);
        var six = new TimeOnly(18, 0);
        builder.HasData(Enum.GetValues<DayOfWeek>().Select(d => new
        {
            Day = d,
            IsOpen = d is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
            Opens = nine,
            Closes = six,
        }));
    }
}

using Destek.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class BusinessCalendarHolidayConfiguration : IEntityTypeConfiguration<BusinessCalendarHoliday>
{
    public void Configure(EntityTypeBuilder<BusinessCalendarHoliday> builder)
    {
        builder.ToTable("BusinessCalendarHolidays");
        builder.Property(h => h.Name).HasMaxLength(BusinessCalendarHoliday.NameMaxLength).IsRequired();
        builder.HasIndex(h => h.Date).IsUnique();
        // Turkey's public holidays: the national days every year, the bayrams of 2026 and 2027 by date
        // (arife a half day from 13:00). Admins add later years' bayrams at /admin/settings/sla.
        TimeOnly? afternoonOff = new TimeOnly(13, 0);
        var id = 0;
        object Day(int year, int month, int day, string name, bool yearly, TimeOnly? closesAt = null) =>
            new { Id = ++id, Date = new DateOnly(year, month, day), Name = name, RecursYearly = yearly, ClosesAt = closesAt };
        builder.HasData(
            Day(2026, 1, 1, "Yılbaşı", true),
            Day(2026, 4, 23, "Ulusal Egemenlik ve Çocuk Bayramı", true),
            Day(2026, 5, 1, "Emek ve Dayanışma Günü", true),
            Day(2026, 5, 19, "Atatürk'ü Anma, Gençlik ve Spor Bayramı", true),
            Day(2026, 7, 15, "Demokrasi ve Millî Birlik Günü", true),
            Day(2026, 8, 30, "Zafer Bayramı", true),
            Day(2026, 10, 28, "Cumhuriyet Bayramı arifesi", true, afternoonOff),
            Day(2026, 10, 29, "Cumhuriyet Bayramı", true),
            Day(2026, 3, 19, "Ramazan Bayramı arifesi", false, afternoonOff),
            Day(2026, 3, 20, "Ramazan Bayramı 1. gün", false),
            Day(2026, 3, 21, "Ramazan Bayramı 2. gün", false),
            Day(2026, 3, 22, "Ramazan Bayramı 3. gün", false),
            Day(2026, 5, 26, "Kurban Bayramı arifesi", false, afternoonOff),
            Day(2026, 5, 27, "Kurban Bayramı 1. gün", false),
            Day(2026, 5, 28, "Kurban Bayramı 2. gün", false),
            Day(2026, 5, 29, "Kurban Bayramı 3. gün", false),
            Day(2026, 5, 30, "Kurban Bayramı 4. gün", false),
            Day(2027, 3, 8, "Ramazan Bayramı arifesi", false, afternoonOff),
            Day(2027, 3, 9, "Ramazan Bayramı 1. gün", false),
            Day(2027, 3, 10, "Ramazan Bayramı 2. gün", false),
            Day(2027, 3, 11, "Ramazan Bayramı 3. gün", false),
            Day(2027, 5, 15, "Kurban Bayramı arifesi", false, afternoonOff),
            Day(2027, 5, 16, "Kurban Bayramı 1. gün", false),
            Day(2027, 5, 17, "Kurban Bayramı 2. gün", false),
            Day(2027, 5, 18, "Kurban Bayramı 3. gün", false),
            Day(2027, 5, 19, "Kurban Bayramı 4. gün", false));
    }
}

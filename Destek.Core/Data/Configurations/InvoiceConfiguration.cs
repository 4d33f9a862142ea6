using Destek.Core.Identity;
using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("e_invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Number).HasMaxLength(40).IsRequired();
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => i.Ettn).IsUnique();

        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Marketplace).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.MarketplaceOrderNo).HasMaxLength(Invoice.OrderNoMaxLength);
        builder.Property(i => i.BuyerName).HasMaxLength(Invoice.BuyerNameMaxLength).IsRequired();
        builder.Property(i => i.BuyerEmail).HasMaxLength(254);
        builder.Property(i => i.BuyerPhone).HasMaxLength(30);
        builder.Property(i => i.BuyerTaxId).HasMaxLength(11);
        builder.Property(i => i.BuyerAddress).HasMaxLength(Invoice.BuyerAddressMaxLength);
        builder.Property(i => i.Currency).HasMaxLength(3).IsRequired();
        builder.Property(i => i.Subtotal).HasPrecision(18, 2);
        builder.Property(i => i.TaxTotal).HasPrecision(18, 2);
        builder.Property(i => i.DiscountTotal).HasPrecision(18, 2);
        builder.Property(i => i.GrandTotal).HasPrecision(18, 2);
        builder.Property(i => i.Provider).HasMaxLength(Invoice.ProviderMaxLength).IsRequired();
        builder.Property(i => i.ProviderStatus).HasMaxLength(Invoice.ProviderStatusMaxLength);
        builder.Property(i => i.ProviderInvoiceId).HasMaxLength(Invoice.ProviderInvoiceIdMaxLength);

        builder.HasOne(i => i.CustomerOrganization).WithMany().HasForeignKey(i => i.CustomerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(i => i.RelatedInvoiceId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(i => i.Items).WithOne().HasForeignKey(it => it.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Events).WithOne().HasForeignKey(e => e.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(i => i.PendingEvents);
        builder.Ignore(i => i.HasBeenIssued);

        // The API's list: one organization's invoices, newest first, optionally by status,
        // marketplace or type, or changed since a time; the desk finds an invoice by order number.
        builder.HasIndex(i => new { i.CustomerOrganizationId, i.Id });
        builder.HasIndex(i => new { i.CustomerOrganizationId, i.Status, i.Id });
        builder.HasIndex(i => new { i.CustomerOrganizationId, i.Marketplace, i.Id });
        builder.HasIndex(i => new { i.CustomerOrganizationId, i.Type, i.Id });
        builder.HasIndex(i => new { i.CustomerOrganizationId, i.UpdatedAt });
        builder.HasIndex(i => i.MarketplaceOrderNo);

        // Sandbox invoices (invoice platform, test_ keys) exist only for the platform's own queries,
        // which lift this filter and name the flag themselves; every other query sees production only.
        builder.HasQueryFilter(i => !i.IsSandbox);
        // Rows from before the platform are production: the column's default says so on every provider.
        builder.Property(i => i.IsSandbox).HasDefaultValue(false);
        // The platform's cursor pages: one organization's invoices of one mode, newest first by (created, id).
        builder.HasIndex(i => new { i.CustomerOrganizationId, i.IsSandbox, i.CreatedAt, i.Id });
    }
}

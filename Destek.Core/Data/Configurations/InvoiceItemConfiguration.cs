using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class InvoiceItemConfiguration : IEntityTypeConfiguration<InvoiceItem>
{
    public void Configure(EntityTypeBuilder<InvoiceItem> builder)
    {
        builder.ToTable("e_invoice_items");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.InvoiceId, i.LineNo }).IsUnique();
        builder.Property(i => i.Sku).HasMaxLength(InvoiceItem.SkuMaxLength).IsRequired();
        builder.Property(i => i.Name).HasMaxLength(InvoiceItem.NameMaxLength).IsRequired();
        builder.Property(i => i.Quantity).HasPrecision(18, 4);
        builder.Property(i => i.UnitPrice).HasPrecision(18, 4);
        builder.Property(i => i.VatRate).HasPrecision(5, 2);
        builder.Property(i => i.DiscountAmount).HasPrecision(18, 2);
        builder.Property(i => i.Subtotal).HasPrecision(18, 2);
        builder.Property(i => i.VatAmount).HasPrecision(18, 2);
        builder.Property(i => i.LineTotal).HasPrecision(18, 2);
    }
}

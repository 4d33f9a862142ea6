using Destek.Core.Mail;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class ImportedMailConfiguration : IEntityTypeConfiguration<ImportedMail>
{
    public void Configure(EntityTypeBuilder<ImportedMail> builder)
    {
        builder.ToTable("ImportedMails");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(ImportedMail.MessageIdMaxLength + 10).IsRequired();
        builder.Property(m => m.FromAddress).HasMaxLength(254).IsRequired();
        // The claim: a second import of one Message-Id fails here, whichever node tries.
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.SetNull);
    }
}

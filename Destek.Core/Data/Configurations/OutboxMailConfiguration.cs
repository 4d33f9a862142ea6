using Destek.Core.Mail;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("MailOutbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(50).IsRequired();
        builder.Property(m => m.ToAddress).HasMaxLength(254).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorMaxLength);
        // A sender whose lease ran out and was taken over must not overwrite the new holder's result.
        builder.Property(m => m.ClaimToken).IsConcurrencyToken();
        // The sender's query: pending mails whose next attempt is due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.ReplyToken).HasMaxLength(ReplyTokens.Length);
        // The intake finds the ticket an answer belongs to by these.
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => m.ReplyToken).IsUnique();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.SetNull);
    }
}

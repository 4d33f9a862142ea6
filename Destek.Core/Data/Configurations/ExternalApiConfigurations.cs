using Destek.Core.Access;
using Destek.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Destek.Core.Data.Configurations;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength).IsRequired();
        builder.Property(c => c.ApiKey).HasMaxLength(64).IsRequired();
        builder.Property(c => c.SecretHash).HasMaxLength(64).IsRequired();
        builder.PrimitiveCollection(c => c.AllowedDepartmentIds);
        builder.HasIndex(c => c.ApiKey).IsUnique();
    }
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength).IsRequired();
        builder.Property(s => s.EncryptedSecret).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.DeactivatedReason).HasMaxLength(500);
        builder.PrimitiveCollection(s => s.Events);
        builder.Ignore(s => s.Profile);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(s => s.ApiClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ApiClientId, s.IsActive });
        // No foreign key yet: the organization (hesap) table arrives with the invoices branch.
        builder.HasIndex(s => new { s.OrganizationId, s.IsActive });
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Event).HasMaxLength(50).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.AggregateKey).HasMaxLength(WebhookDelivery.AggregateKeyMaxLength);
        builder.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        // The line check (is an earlier event of this endpoint and aggregate still pending?) is one seek.
        builder.HasIndex(d => new { d.SubscriptionId, d.AggregateKey, d.Status, d.Id });
        builder.HasIndex(d => d.WebhookId).IsUnique();
        // A sender reads back the batch it just claimed by its token.
        builder.HasIndex(d => d.ClaimToken);
    }
}

public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Response).HasMaxLength(WebhookAttempt.ResponseMaxBytes);
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasIndex(a => new { a.DeliveryId, a.AttemptedAt });
    }
}

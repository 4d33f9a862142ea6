using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations;

/// <inheritdoc />
[DbContext(typeof(DestekDbContext))]
[Migration("20261122110000_ExternalApi")]
public sealed class ExternalApi : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ApiClients",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                ApiKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                AllowedDepartmentIds = table.Column<string>(type: "TEXT", nullable: false),
                RateLimitPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                SecretRotatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiClients", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "WebhookSubscriptions",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ApiClientId = table.Column<int>(type: "INTEGER", nullable: false),
                Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                Events = table.Column<string>(type: "TEXT", nullable: false),
                EncryptedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                RetryDelaySeconds = table.Column<int>(type: "INTEGER", nullable: false),
                IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                DeactivatedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookSubscriptions", x => x.Id);
                table.ForeignKey(
                    name: "FK_WebhookSubscriptions_ApiClients_ApiClientId",
                    column: x => x.ApiClientId,
                    principalTable: "ApiClients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WebhookDeliveries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                SubscriptionId = table.Column<int>(type: "INTEGER", nullable: false),
                WebhookId = table.Column<Guid>(type: "TEXT", nullable: false),
                Event = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                Payload = table.Column<string>(type: "TEXT", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                AttemptCount = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                table.ForeignKey(
                    name: "FK_WebhookDeliveries_WebhookSubscriptions_SubscriptionId",
                    column: x => x.SubscriptionId,
                    principalTable: "WebhookSubscriptions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WebhookAttempts",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                AttemptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                Response = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookAttempts", x => x.Id);
                table.ForeignKey(
                    name: "FK_WebhookAttempts_WebhookDeliveries_DeliveryId",
                    column: x => x.DeliveryId,
                    principalTable: "WebhookDeliveries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ApiClients_ApiKey",
            table: "ApiClients",
            column: "ApiKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_WebhookAttempts_DeliveryId_AttemptedAt",
            table: "WebhookAttempts",
            columns: new[] { "DeliveryId", "AttemptedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_WebhookDeliveries_Status_NextAttemptAt",
            table: "WebhookDeliveries",
            columns: new[] { "Status", "NextAttemptAt" });

        migrationBuilder.CreateIndex(
            name: "IX_WebhookDeliveries_SubscriptionId_CreatedAt",
            table: "WebhookDeliveries",
            columns: new[] { "SubscriptionId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_WebhookDeliveries_WebhookId",
            table: "WebhookDeliveries",
            column: "WebhookId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_WebhookSubscriptions_ApiClientId_IsActive",
            table: "WebhookSubscriptions",
            columns: new[] { "ApiClientId", "IsActive" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "WebhookAttempts");
        migrationBuilder.DropTable(name: "WebhookDeliveries");
        migrationBuilder.DropTable(name: "WebhookSubscriptions");
        migrationBuilder.DropTable(name: "ApiClients");
    }
}

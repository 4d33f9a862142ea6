using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WebhookEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ApiClientId",
                table: "WebhookSubscriptions",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "WebhookSubscriptions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OrganizationId",
                table: "WebhookSubscriptions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AggregateKey",
                table: "WebhookDeliveries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Rows written before this migration join their ticket's line too.
            migrationBuilder.Sql("""
                UPDATE "WebhookDeliveries" SET "AggregateKey" = 'ticket:' || CAST("TicketId" AS TEXT) WHERE "TicketId" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_OrganizationId_IsActive",
                table: "WebhookSubscriptions",
                columns: new[] { "OrganizationId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_AggregateKey_Status_Id",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "AggregateKey", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_OrganizationId_IsActive",
                table: "WebhookSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_AggregateKey_Status_Id",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "AggregateKey",
                table: "WebhookDeliveries");

            migrationBuilder.AlterColumn<int>(
                name: "ApiClientId",
                table: "WebhookSubscriptions",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}

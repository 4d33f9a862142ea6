using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Destek.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CustomerSideAndInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_CustomerId_CreatedAt",
                table: "Tickets");

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

            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                table: "MailOutbox",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "MailOutbox",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CustomerOrganizationId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyByEmail",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "CustomerOrganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TaxId = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerOrganizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedMails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    TicketId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    FromAddress = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedMails_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TicketFollowLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketFollowLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketFollowLinks_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "e_invoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ettn = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: true),
                    RelatedInvoiceId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Marketplace = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MarketplaceOrderNo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BuyerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BuyerEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    BuyerPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    BuyerTaxId = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Subtotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    TaxTotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DiscountTotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    GrandTotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Provider = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProviderStatus = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ProviderInvoiceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_e_invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_e_invoices_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_e_invoices_CustomerOrganizations_CustomerOrganizationId",
                        column: x => x.CustomerOrganizationId,
                        principalTable: "CustomerOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_e_invoices_e_invoices_RelatedInvoiceId",
                        column: x => x.RelatedInvoiceId,
                        principalTable: "e_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationModules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Module = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationModules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationModules_CustomerOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "CustomerOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalAccessTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Abilities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Hint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AllowedNetworks = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedAddress = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalAccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalAccessTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonalAccessTokens_CustomerOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "CustomerOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "e_invoice_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_e_invoice_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_e_invoice_events_e_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "e_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "e_invoice_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<int>(type: "integer", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    VatRate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    DiscountAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Subtotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    VatAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    LineTotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_e_invoice_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_e_invoice_items_e_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "e_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_OrganizationId_IsActive",
                table: "WebhookSubscriptions",
                columns: new[] { "OrganizationId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_AggregateKey_Status_Id",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "AggregateKey", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CustomerList",
                table: "Tickets",
                columns: new[] { "CustomerId", "CreatedAt", "Id", "Status", "StaffSpokeLast", "Priority", "CategoryId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_MailOutbox_MessageId",
                table: "MailOutbox",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailOutbox_ReplyToken",
                table: "MailOutbox",
                column: "ReplyToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CustomerOrganizationId",
                table: "AspNetUsers",
                column: "CustomerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerOrganizations_Name",
                table: "CustomerOrganizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerOrganizations_PublicId",
                table: "CustomerOrganizations",
                column: "PublicId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerOrganizations_TaxId",
                table: "CustomerOrganizations",
                column: "TaxId");

            migrationBuilder.CreateIndex(
                name: "IX_e_invoice_events_InvoiceId_Id",
                table: "e_invoice_events",
                columns: new[] { "InvoiceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoice_items_InvoiceId_LineNo",
                table: "e_invoice_items",
                columns: new[] { "InvoiceId", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_CustomerOrganizationId_Id",
                table: "e_invoices",
                columns: new[] { "CustomerOrganizationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_CustomerOrganizationId_Marketplace_Id",
                table: "e_invoices",
                columns: new[] { "CustomerOrganizationId", "Marketplace", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_CustomerOrganizationId_Status_Id",
                table: "e_invoices",
                columns: new[] { "CustomerOrganizationId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_CustomerOrganizationId_Type_Id",
                table: "e_invoices",
                columns: new[] { "CustomerOrganizationId", "Type", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_CustomerOrganizationId_UpdatedAt",
                table: "e_invoices",
                columns: new[] { "CustomerOrganizationId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_Ettn",
                table: "e_invoices",
                column: "Ettn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_MarketplaceOrderNo",
                table: "e_invoices",
                column: "MarketplaceOrderNo");

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_Number",
                table: "e_invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_RelatedInvoiceId",
                table: "e_invoices",
                column: "RelatedInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_UserId",
                table: "e_invoices",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedMails_MessageId",
                table: "ImportedMails",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedMails_TicketId",
                table: "ImportedMails",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationModules_OrganizationId_Module",
                table: "OrganizationModules",
                columns: new[] { "OrganizationId", "Module" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessTokens_OrganizationId_CreatedAt",
                table: "PersonalAccessTokens",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessTokens_TokenHash",
                table: "PersonalAccessTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessTokens_UserId",
                table: "PersonalAccessTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketFollowLinks_TicketId",
                table: "TicketFollowLinks",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketFollowLinks_TokenHash",
                table: "TicketFollowLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_CustomerOrganizations_CustomerOrganizationId",
                table: "AspNetUsers",
                column: "CustomerOrganizationId",
                principalTable: "CustomerOrganizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_CustomerOrganizations_CustomerOrganizationId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "e_invoice_events");

            migrationBuilder.DropTable(
                name: "e_invoice_items");

            migrationBuilder.DropTable(
                name: "ImportedMails");

            migrationBuilder.DropTable(
                name: "OrganizationModules");

            migrationBuilder.DropTable(
                name: "PersonalAccessTokens");

            migrationBuilder.DropTable(
                name: "TicketFollowLinks");

            migrationBuilder.DropTable(
                name: "e_invoices");

            migrationBuilder.DropTable(
                name: "CustomerOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_OrganizationId_IsActive",
                table: "WebhookSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_AggregateKey_Status_Id",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CustomerList",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_MailOutbox_MessageId",
                table: "MailOutbox");

            migrationBuilder.DropIndex(
                name: "IX_MailOutbox_ReplyToken",
                table: "MailOutbox");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CustomerOrganizationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "AggregateKey",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "MailOutbox");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "MailOutbox");

            migrationBuilder.DropColumn(
                name: "CustomerOrganizationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NotifyByEmail",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<int>(
                name: "ApiClientId",
                table: "WebhookSubscriptions",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CustomerId_CreatedAt",
                table: "Tickets",
                columns: new[] { "CustomerId", "CreatedAt" });
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Destek.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Invoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CustomerOrganizationId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

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
                name: "e_invoices");

            migrationBuilder.DropTable(
                name: "CustomerOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CustomerOrganizationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CustomerOrganizationId",
                table: "AspNetUsers");
        }
    }
}

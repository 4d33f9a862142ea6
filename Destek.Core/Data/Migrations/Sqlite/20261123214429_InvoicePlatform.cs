using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoicePlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BuyerAddress",
                table: "e_invoices",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSandbox",
                table: "e_invoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OrganizationKeyPolicies",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RateLimitPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationKeyPolicies", x => x.OrganizationId);
                    table.ForeignKey(
                        name: "FK_OrganizationKeyPolicies_CustomerOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "CustomerOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsSandbox = table.Column<bool>(type: "INTEGER", nullable: false),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationKeys_CustomerOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "CustomerOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_CustomerOrganizationId_IsSandbox_CreatedAt_Id",
                table: "e_invoices",
                columns: new[] { "CustomerOrganizationId", "IsSandbox", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationKeys_KeyHash",
                table: "OrganizationKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationKeys_OrganizationId_CreatedAt",
                table: "OrganizationKeys",
                columns: new[] { "OrganizationId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganizationKeyPolicies");

            migrationBuilder.DropTable(
                name: "OrganizationKeys");

            migrationBuilder.DropIndex(
                name: "IX_e_invoices_CustomerOrganizationId_IsSandbox_CreatedAt_Id",
                table: "e_invoices");

            migrationBuilder.DropColumn(
                name: "BuyerAddress",
                table: "e_invoices");

            migrationBuilder.DropColumn(
                name: "IsSandbox",
                table: "e_invoices");
        }
    }
}

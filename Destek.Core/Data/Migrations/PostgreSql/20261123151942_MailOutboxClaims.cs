using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MailOutboxClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimToken",
                table: "MailOutbox",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntil",
                table: "MailOutbox",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "MailOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "MailOutbox");
        }
    }
}

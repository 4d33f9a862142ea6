using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations;

/// <inheritdoc />
[DbContext(typeof(DestekDbContext))]
[Migration("20261123140000_MailOutboxClaims")]
public sealed class MailOutboxClaims : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(
            name: "LockedUntil",
            table: "MailOutbox",
            type: "TEXT",
            nullable: true);

        migrationBuilder.AddColumn<Guid>(
            name: "ClaimToken",
            table: "MailOutbox",
            type: "TEXT",
            nullable: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ClaimToken", table: "MailOutbox");
        migrationBuilder.DropColumn(name: "LockedUntil", table: "MailOutbox");
    }
}

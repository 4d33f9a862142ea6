
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations;

/// <inheritdoc />
[DbContext(typeof(DestekDbContext))]
[Migration("20261122120000_IdempotencyRecords")]
public sealed class IdempotencyRecords : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IdempotencyRecords",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Scope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                BodyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                ResponseBody = table.Column<byte[]>(type: "BLOB", nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_IdempotencyRecords_CreatedAt",
            table: "IdempotencyRecords",
            column: "CreatedAt");

        migrationBuilder.CreateIndex(
            name: "IX_IdempotencyRecords_Scope_Key",
            table: "IdempotencyRecords",
            columns: new[] { "Scope", "Key" },
            unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "IdempotencyRecords");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations;

/// <inheritdoc />
[DbContext(typeof(DestekDbContext))]
[Migration("20261122100000_MailOutbox")]
public sealed class MailOutbox : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MailOutbox",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                ToAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Body = table.Column<string>(type: "TEXT", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MailOutbox", x => x.Id);
                table.ForeignKey(
                    name: "FK_MailOutbox_Tickets_TicketId",
                    column: x => x.TicketId,
                    principalTable: "Tickets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex(
            name: "IX_MailOutbox_CreatedAt",
            table: "MailOutbox",
            column: "CreatedAt");

        migrationBuilder.CreateIndex(
            name: "IX_MailOutbox_Status_NextAttemptAt",
            table: "MailOutbox",
            columns: new[] { "Status", "NextAttemptAt" });

        migrationBuilder.CreateIndex(
            name: "IX_MailOutbox_TicketId",
            table: "MailOutbox",
            column: "TicketId");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "MailOutbox");
    }
}

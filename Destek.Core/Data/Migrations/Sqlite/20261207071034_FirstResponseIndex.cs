using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FirstResponseIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tickets answered before the SLA clock recorded the first answer get it from their messages: the panel's
            // first-response figures read it from the ticket.
            migrationBuilder.Sql("""
                UPDATE "Tickets" SET "FirstRespondedAt" = (SELECT min(m."CreatedAt") FROM "TicketMessages" m
                    WHERE m."TicketId" = "Tickets"."Id" AND m."Kind" = 0 AND m."AuthorKind" = 0)
                WHERE "FirstRespondedAt" IS NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstResponded",
                table: "Tickets",
                columns: new[] { "CreatedAt", "FirstRespondedAt", "DepartmentId" },
                filter: "\"FirstRespondedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstResponded",
                table: "Tickets");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchPanel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolvedAt",
                table: "Tickets",
                column: "ResolvedAt");

            // The full-text index: tables/indexes, triggers, and every existing ticket and message indexed.
            migrationBuilder.Sql(Destek.Core.Search.SearchSchemaSql.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Destek.Core.Search.SearchSchemaSql.SqliteDown);
            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolvedAt",
                table: "Tickets");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchFoldingFunctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search triggers call destek_fold/destek_phone (registered on every connection) instead of
            // folding in nested SQL; same text indexed, so no backfill.
            migrationBuilder.Sql(Destek.Core.Search.SearchSchemaSql.SqliteDropTriggers + Destek.Core.Search.SearchSchemaSql.SqliteTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the triggers Up writes serve the earlier schema as well.
        }
    }
}

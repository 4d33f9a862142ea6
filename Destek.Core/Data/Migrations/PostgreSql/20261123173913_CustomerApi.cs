using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CustomerApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_CustomerId_CreatedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CustomerList",
                table: "Tickets",
                columns: new[] { "CustomerId", "CreatedAt", "Id", "Status", "StaffSpokeLast", "Priority", "CategoryId", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_CustomerList",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CustomerId_CreatedAt",
                table: "Tickets",
                columns: new[] { "CustomerId", "CreatedAt" });
        }
    }
}

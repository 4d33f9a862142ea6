using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Destek.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SlaAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstRespondedAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseWarnAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDueAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionStoppedAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionWarnAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaClockStartedAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaNextDueAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(9999, 12, 31, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<long>(
                name: "SlaResolutionUsedSeconds",
                table: "Tickets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "IsLead",
                table: "StaffDepartments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AgentAvailability",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    IsAvailable = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentAvailability", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_AgentAvailability_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssignmentRules",
                columns: table => new
                {
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Strategy = table.Column<int>(type: "integer", nullable: false),
                    OpenTicketCap = table.Column<int>(type: "integer", nullable: true),
                    LastAssignedUserId = table.Column<int>(type: "integer", nullable: true),
                    Turn = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentRules", x => x.DepartmentId);
                    table.ForeignKey(
                        name: "FK_AssignmentRules_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessCalendarDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendarDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "BusinessCalendarHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecursYearly = table.Column<bool>(type: "boolean", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendarHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BreachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaBreaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaBreaches_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaEscalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssigneeId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaEscalations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "BusinessCalendarDays",
                columns: new[] { "Day", "Closes", "IsOpen", "Opens" },
                values: new object[,]
                {
                    { 0, new TimeOnly(18, 0, 0), false, new TimeOnly(9, 0, 0) },
                    { 1, new TimeOnly(18, 0, 0), true, new TimeOnly(9, 0, 0) },
                    { 2, new TimeOnly(18, 0, 0), true, new TimeOnly(9, 0, 0) },
                    { 3, new TimeOnly(18, 0, 0), true, new TimeOnly(9, 0, 0) },
                    { 4, new TimeOnly(18, 0, 0), true, new TimeOnly(9, 0, 0) },
                    { 5, new TimeOnly(18, 0, 0), true, new TimeOnly(9, 0, 0) },
                    { 6, new TimeOnly(18, 0, 0), false, new TimeOnly(9, 0, 0) }
                });

            migrationBuilder.InsertData(
                table: "BusinessCalendarHolidays",
                columns: new[] { "Id", "ClosesAt", "Date", "Name", "RecursYearly" },
                values: new object[,]
                {
                    { 1, null, new DateOnly(2026, 1, 1), "Yılbaşı", true },
                    { 2, null, new DateOnly(2026, 4, 23), "Ulusal Egemenlik ve Çocuk Bayramı", true },
                    { 3, null, new DateOnly(2026, 5, 1), "Emek ve Dayanışma Günü", true },
                    { 4, null, new DateOnly(2026, 5, 19), "Atatürk'ü Anma, Gençlik ve Spor Bayramı", true },
                    { 5, null, new DateOnly(2026, 7, 15), "Demokrasi ve Millî Birlik Günü", true },
                    { 6, null, new DateOnly(2026, 8, 30), "Zafer Bayramı", true },
                    { 7, new TimeOnly(13, 0, 0), new DateOnly(2026, 10, 28), "Cumhuriyet Bayramı arifesi", true },
                    { 8, null, new DateOnly(2026, 10, 29), "Cumhuriyet Bayramı", true },
                    { 9, new TimeOnly(13, 0, 0), new DateOnly(2026, 3, 19), "Ramazan Bayramı arifesi", false },
                    { 10, null, new DateOnly(2026, 3, 20), "Ramazan Bayramı 1. gün", false },
                    { 11, null, new DateOnly(2026, 3, 21), "Ramazan Bayramı 2. gün", false },
                    { 12, null, new DateOnly(2026, 3, 22), "Ramazan Bayramı 3. gün", false },
                    { 13, new TimeOnly(13, 0, 0), new DateOnly(2026, 5, 26), "Kurban Bayramı arifesi", false },
                    { 14, null, new DateOnly(2026, 5, 27), "Kurban Bayramı 1. gün", false },
                    { 15, null, new DateOnly(2026, 5, 28), "Kurban Bayramı 2. gün", false },
                    { 16, null, new DateOnly(2026, 5, 29), "Kurban Bayramı 3. gün", false },
                    { 17, null, new DateOnly(2026, 5, 30), "Kurban Bayramı 4. gün", false },
                    { 18, new TimeOnly(13, 0, 0), new DateOnly(2027, 3, 8), "Ramazan Bayramı arifesi", false },
                    { 19, null, new DateOnly(2027, 3, 9), "Ramazan Bayramı 1. gün", false },
                    { 20, null, new DateOnly(2027, 3, 10), "Ramazan Bayramı 2. gün", false },
                    { 21, null, new DateOnly(2027, 3, 11), "Ramazan Bayramı 3. gün", false },
                    { 22, new TimeOnly(13, 0, 0), new DateOnly(2027, 5, 15), "Kurban Bayramı arifesi", false },
                    { 23, null, new DateOnly(2027, 5, 16), "Kurban Bayramı 1. gün", false },
                    { 24, null, new DateOnly(2027, 5, 17), "Kurban Bayramı 2. gün", false },
                    { 25, null, new DateOnly(2027, 5, 18), "Kurban Bayramı 3. gün", false },
                    { 26, null, new DateOnly(2027, 5, 19), "Kurban Bayramı 4. gün", false }
                });

            migrationBuilder.InsertData(
                table: "SlaPolicies",
                columns: new[] { "Id", "DepartmentId", "FirstResponseMinutes", "Priority", "ResolutionMinutes" },
                values: new object[,]
                {
                    { 1, null, 60, 3, 240 },
                    { 2, null, 120, 2, 540 },
                    { 3, null, 240, 1, 1080 },
                    { 4, null, 540, 0, 2700 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstResponseDueAt",
                table: "Tickets",
                column: "FirstResponseDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstResponseWarnAt",
                table: "Tickets",
                column: "FirstResponseWarnAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionDueAt",
                table: "Tickets",
                column: "ResolutionDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionWarnAt",
                table: "Tickets",
                column: "ResolutionWarnAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaAssignee",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "DepartmentId", "SlaNextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaOpen",
                table: "Tickets",
                columns: new[] { "SlaNextDueAt", "AssigneeId", "DepartmentId" },
                filter: "\"Status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaQueue",
                table: "Tickets",
                columns: new[] { "SlaNextDueAt", "Status", "DepartmentId", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessCalendarHolidays_Date",
                table: "BusinessCalendarHolidays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_BreachedAt_Kind",
                table: "SlaBreaches",
                columns: new[] { "BreachedAt", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_TicketId_Kind",
                table: "SlaBreaches",
                columns: new[] { "TicketId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaEscalations_EscalatedAt",
                table: "SlaEscalations",
                column: "EscalatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlaEscalations_TicketId_Kind",
                table: "SlaEscalations",
                columns: new[] { "TicketId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_DepartmentId",
                table: "SlaPolicies",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Priority_DepartmentId",
                table: "SlaPolicies",
                columns: new[] { "Priority", "DepartmentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentAvailability");

            migrationBuilder.DropTable(
                name: "AssignmentRules");

            migrationBuilder.DropTable(
                name: "BusinessCalendarDays");

            migrationBuilder.DropTable(
                name: "BusinessCalendarHolidays");

            migrationBuilder.DropTable(
                name: "SlaBreaches");

            migrationBuilder.DropTable(
                name: "SlaEscalations");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstResponseDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstResponseWarnAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionWarnAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaAssignee",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaOpen",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaQueue",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstRespondedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstResponseWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionStoppedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaClockStartedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaNextDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolutionUsedSeconds",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IsLead",
                table: "StaffDepartments");
        }
    }
}

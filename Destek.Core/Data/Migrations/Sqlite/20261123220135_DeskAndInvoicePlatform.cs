using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Destek.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeskAndInvoicePlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimToken",
                table: "WebhookDeliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstRespondedAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseWarnAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoTicketId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDueAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionStoppedAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionWarnAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaClockStartedAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaNextDueAt",
                table: "Tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(9999, 12, 31, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<long>(
                name: "SlaResolutionUsedSeconds",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SplitFromTicketId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsLead",
                table: "StaffDepartments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

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
                name: "AgentAvailability",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsAvailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Strategy = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenTicketCap = table.Column<int>(type: "INTEGER", nullable: true),
                    LastAssignedUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    Turn = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendarDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "BusinessCalendarHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecursYearly = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendarHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CannedReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedReplies_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CannedReplies_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeskNotifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeskNotifications_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeskNotifications_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "RatingInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingInvitations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BreachedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssigneeId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "TicketRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketRatings_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
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
                name: "IX_WebhookDeliveries_ClaimToken",
                table: "WebhookDeliveries",
                column: "ClaimToken");

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
                name: "IX_Tickets_ResolvedAt",
                table: "Tickets",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaAssignee",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "DepartmentId", "SlaNextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaOpen",
                table: "Tickets",
                columns: new[] { "SlaNextDueAt", "Id" },
                filter: "\"Status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaQueue",
                table: "Tickets",
                columns: new[] { "SlaNextDueAt", "Status", "DepartmentId", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_e_invoices_CustomerOrganizationId_IsSandbox_CreatedAt_Id",
                table: "e_invoices",
                columns: new[] { "CustomerOrganizationId", "IsSandbox", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessCalendarHolidays_Date",
                table: "BusinessCalendarHolidays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_DepartmentId",
                table: "CannedReplies",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_OwnerUserId",
                table: "CannedReplies",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_Scope_DepartmentId",
                table: "CannedReplies",
                columns: new[] { "Scope", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeskNotifications_RecipientId_Id",
                table: "DeskNotifications",
                columns: new[] { "RecipientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DeskNotifications_RecipientId_ReadAt",
                table: "DeskNotifications",
                columns: new[] { "RecipientId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeskNotifications_TicketId_CreatedAt",
                table: "DeskNotifications",
                columns: new[] { "TicketId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationKeys_KeyHash",
                table: "OrganizationKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationKeys_OrganizationId_CreatedAt",
                table: "OrganizationKeys",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RatingInvitations_TicketId",
                table: "RatingInvitations",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_RatingInvitations_TokenHash",
                table: "RatingInvitations",
                column: "TokenHash",
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

            migrationBuilder.CreateIndex(
                name: "IX_TicketRatings_RatedAt_Score",
                table: "TicketRatings",
                columns: new[] { "RatedAt", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketRatings_TicketId",
                table: "TicketRatings",
                column: "TicketId",
                unique: true);

            // Full-text search (Search/SearchSchemaSql): after every table operation above, so no later
            // table rebuild drops its triggers; it indexes the tickets already there.
            migrationBuilder.Sql(Destek.Core.Search.SearchSchemaSql.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Destek.Core.Search.SearchSchemaSql.SqliteDown);

            migrationBuilder.DropTable(
                name: "AgentAvailability");

            migrationBuilder.DropTable(
                name: "AssignmentRules");

            migrationBuilder.DropTable(
                name: "BusinessCalendarDays");

            migrationBuilder.DropTable(
                name: "BusinessCalendarHolidays");

            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "DeskNotifications");

            migrationBuilder.DropTable(
                name: "OrganizationKeyPolicies");

            migrationBuilder.DropTable(
                name: "OrganizationKeys");

            migrationBuilder.DropTable(
                name: "RatingInvitations");

            migrationBuilder.DropTable(
                name: "SlaBreaches");

            migrationBuilder.DropTable(
                name: "SlaEscalations");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "TicketRatings");

            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_ClaimToken",
                table: "WebhookDeliveries");

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
                name: "IX_Tickets_ResolvedAt",
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

            migrationBuilder.DropIndex(
                name: "IX_e_invoices_CustomerOrganizationId_IsSandbox_CreatedAt_Id",
                table: "e_invoices");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "WebhookDeliveries");

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
                name: "MergedIntoTicketId",
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
                name: "SplitFromTicketId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IsLead",
                table: "StaffDepartments");

            migrationBuilder.DropColumn(
                name: "BuyerAddress",
                table: "e_invoices");

            migrationBuilder.DropColumn(
                name: "IsSandbox",
                table: "e_invoices");
        }
    }
}

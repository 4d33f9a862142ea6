
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Destek.Core.Data.Migrations;

/// <inheritdoc />
[DbContext(typeof(DestekDbContext))]
[Migration("20261122080000_Initial")]
public sealed class Initial : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PublicId = table.Column<Guid>(type: "TEXT", nullable: false),
                FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Departments",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Departments", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "TicketNumberCounters",
            columns: table => new
            {
                Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                LastValue = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TicketNumberCounters", x => x.Scope);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                RoleId = table.Column<int>(type: "INTEGER", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                RoleId = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Value = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Categories",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Slug = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Categories", x => x.Id);
                table.ForeignKey(
                    name: "FK_Categories_Departments_DepartmentId",
                    column: x => x.DepartmentId,
                    principalTable: "Departments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "StaffDepartments",
            columns: table => new
            {
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffDepartments", x => new { x.UserId, x.DepartmentId });
                table.ForeignKey(
                    name: "FK_StaffDepartments_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_StaffDepartments_Departments_DepartmentId",
                    column: x => x.DepartmentId,
                    principalTable: "Departments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Tickets",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PublicId = table.Column<Guid>(type: "TEXT", nullable: false),
                Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                Priority = table.Column<int>(type: "INTEGER", nullable: false),
                Source = table.Column<int>(type: "INTEGER", nullable: false),
                CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                AssigneeId = table.Column<int>(type: "INTEGER", nullable: true),
                RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                RequesterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                RequesterPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                CustomerId = table.Column<int>(type: "INTEGER", nullable: true),
                ExternalRef = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                IsPrivate = table.Column<bool>(type: "INTEGER", nullable: false),
                TeosId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                CitizenshipNo = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                ApiClientId = table.Column<int>(type: "INTEGER", nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                StaffSpokeLast = table.Column<bool>(type: "INTEGER", nullable: false),
                LastPublicMessageAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                PublicMessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                AttachmentCount = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Tickets", x => x.Id);
                table.ForeignKey(
                    name: "FK_Tickets_AspNetUsers_AssigneeId",
                    column: x => x.AssigneeId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Tickets_AspNetUsers_CustomerId",
                    column: x => x.CustomerId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Tickets_Categories_CategoryId",
                    column: x => x.CategoryId,
                    principalTable: "Categories",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Tickets_Departments_DepartmentId",
                    column: x => x.DepartmentId,
                    principalTable: "Departments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TicketHistory",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                Field = table.Column<int>(type: "INTEGER", nullable: false),
                OldValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                NewValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                ActorUserId = table.Column<int>(type: "INTEGER", nullable: true),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TicketHistory", x => x.Id);
                table.ForeignKey(
                    name: "FK_TicketHistory_Tickets_TicketId",
                    column: x => x.TicketId,
                    principalTable: "Tickets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TicketMessages",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PublicId = table.Column<Guid>(type: "TEXT", nullable: false),
                TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                AuthorKind = table.Column<int>(type: "INTEGER", nullable: false),
                AuthorUserId = table.Column<int>(type: "INTEGER", nullable: true),
                AuthorApiClientId = table.Column<int>(type: "INTEGER", nullable: true),
                AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                AuthorEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TicketMessages", x => x.Id);
                table.ForeignKey(
                    name: "FK_TicketMessages_Tickets_TicketId",
                    column: x => x.TicketId,
                    principalTable: "Tickets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TicketAttachments",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PublicId = table.Column<Guid>(type: "TEXT", nullable: false),
                TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                MessageId = table.Column<int>(type: "INTEGER", nullable: true),
                FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                Size = table.Column<long>(type: "INTEGER", nullable: false),
                StoragePath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TicketAttachments", x => x.Id);
                table.ForeignKey(
                    name: "FK_TicketAttachments_TicketMessages_MessageId",
                    column: x => x.MessageId,
                    principalTable: "TicketMessages",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_TicketAttachments_Tickets_TicketId",
                    column: x => x.TicketId,
                    principalTable: "Tickets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_PublicId",
            table: "AspNetUsers",
            column: "PublicId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Categories_DepartmentId",
            table: "Categories",
            column: "DepartmentId");

        migrationBuilder.CreateIndex(
            name: "IX_Categories_Name",
            table: "Categories",
            column: "Name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Categories_Slug",
            table: "Categories",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Departments_Name",
            table: "Departments",
            column: "Name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_StaffDepartments_DepartmentId",
            table: "StaffDepartments",
            column: "DepartmentId");

        migrationBuilder.CreateIndex(
            name: "IX_TicketAttachments_MessageId",
            table: "TicketAttachments",
            column: "MessageId");

        migrationBuilder.CreateIndex(
            name: "IX_TicketAttachments_PublicId",
            table: "TicketAttachments",
            column: "PublicId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_TicketAttachments_TicketId",
            table: "TicketAttachments",
            column: "TicketId");

        migrationBuilder.CreateIndex(
            name: "IX_TicketHistory_TicketId_At",
            table: "TicketHistory",
            columns: new[] { "TicketId", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_TicketMessages_PublicId",
            table: "TicketMessages",
            column: "PublicId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_TicketMessages_TicketId_CreatedAt",
            table: "TicketMessages",
            columns: new[] { "TicketId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_ApiClientId_CreatedAt",
            table: "Tickets",
            columns: new[] { "ApiClientId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_ApiClientId_ExternalRef",
            table: "Tickets",
            columns: new[] { "ApiClientId", "ExternalRef" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_AssigneeId_Status_DepartmentId_CreatedAt",
            table: "Tickets",
            columns: new[] { "AssigneeId", "Status", "DepartmentId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_CategoryId",
            table: "Tickets",
            column: "CategoryId");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_CreatedAt",
            table: "Tickets",
            column: "CreatedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_CustomerId_CreatedAt",
            table: "Tickets",
            columns: new[] { "CustomerId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_DepartmentId_Status_CreatedAt",
            table: "Tickets",
            columns: new[] { "DepartmentId", "Status", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_Number",
            table: "Tickets",
            column: "Number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_PublicId",
            table: "Tickets",
            column: "PublicId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_RequesterEmail",
            table: "Tickets",
            column: "RequesterEmail");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_Status_CreatedAt",
            table: "Tickets",
            columns: new[] { "Status", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_Status_Priority_CreatedAt",
            table: "Tickets",
            columns: new[] { "Status", "Priority", "CreatedAt" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TicketAttachments");
        migrationBuilder.DropTable(name: "TicketMessages");
        migrationBuilder.DropTable(name: "TicketHistory");
        migrationBuilder.DropTable(name: "Tickets");
        migrationBuilder.DropTable(name: "StaffDepartments");
        migrationBuilder.DropTable(name: "Categories");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "TicketNumberCounters");
        migrationBuilder.DropTable(name: "Departments");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}

using Destek.Core.Organization;
using Microsoft.AspNetCore.Identity;

namespace Destek.Core.Identity;

public sealed class AppUser : IdentityUser<int>
{
    public Guid PublicId { get; set; } = Guid.NewGuid();
    public string FullName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public List<StaffDepartment> Departments { get; set; } = [];
    /// <summary>A customer's choice: ticket e-mails beyond the confirmation (replies, resolved, closed).</summary>
    public bool NotifyByEmail { get; set; } = true;
    /// <summary>The customer organization (hesap) this customer account belongs to; at most one.</summary>
    public int? CustomerOrganizationId { get; set; }

    /// <summary>
    /// May this account sign in at all, by any path (password, two-factor step, recovery code). A
    /// customer who signed up must first open the confirmation link; accounts an admin makes are confirmed.
    /// </summary>
    public bool CanSignIn => IsActive && EmailConfirmed;
}

public sealed class StaffDepartment
{
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>A department lead is told when a ticket of the department nears its SLA (SlaEscalationMail).</summary>
    public bool IsLead { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";
    public const string Customer = "Customer";
    public const string Staff = Admin + "," + Agent;

    public static IReadOnlyList<string> All { get; } = [Admin, Agent, Customer];
}


namespace Destek.Core.Tickets;

/// <summary>Who is doing something to a ticket; recorded in history and on messages.</summary>
public sealed record Actor(AuthorKind Kind, string Name, int? UserId = null, int? ApiClientId = null, string? Email = null)
{
    public static Actor System { get; } = new(AuthorKind.System, "Sistem");

    public static Actor Staff(StaffMember staff) => new(AuthorKind.Staff, staff.Name, staff.UserId, Email: staff.Email);

    public static Actor Customer(string name, string email, int? userId = null) => new(AuthorKind.Customer, name, userId, Email: email);

    public static Actor ApiClient(int apiClientId, string clientName) => new(AuthorKind.ApiClient, clientName, ApiClientId: apiClientId);
}

/// <summary>A staff user as the ticket rules need to see them.</summary>
public sealed record StaffMember(int UserId, string Name, string Email, bool IsAdmin, IReadOnlyCollection<int> DepartmentIds)
{
    public bool WorksIn(int departmentId) => IsAdmin || DepartmentIds.Contains(departmentId);
}

using System.Reflection;
using Destek.Core.Organization;
using Destek.Core.Tickets;

namespace Destek.Tests.Domain;

internal static class TicketTestData
{
    public static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
    public static readonly StaffMember Agent = new(10, "Mehmet Demir", "agent@destek.local", false, [1]);
    public static readonly StaffMember OtherDepartmentAgent = new(11, "Zeynep Arslan", "agent2@destek.local", false, [2]);
    public static readonly StaffMember Admin = new(1, "Yönetici", "admin@destek.local", true, []);
    public static readonly Actor Customer = Actor.Customer("Ahmet Yılmaz", "ahmet@firma.com");

    public static Ticket NewTicket(int departmentId = 1) => Ticket.Open(new NewTicket
    {
        Title = "Fatura yazdırılamıyor",
        Description = "Fatura yazdırma sırasında sistem donuyor.",
        DepartmentId = departmentId,
        Source = TicketSource.WebForm,
        RequesterName = "Ahmet Yılmaz",
        RequesterEmail = "Ahmet@Firma.com",
    }, Customer, Now);

    /// <summary>A department with a given id, as EF would materialise it.</summary>
    public static Department Department(int id, string name)
    {
        var department = new Department(name);
        typeof(Department).GetProperty(nameof(Core.Organization.Department.Id))!.SetValue(department, id);
        return department;
    }

    public static IEnumerable<string> EventTypes(this Ticket ticket) => ticket.PendingEvents.Select(e => e.Type);

    public static void ForgetEvents(this Ticket ticket) =>
        typeof(Ticket).GetMethod("ClearEvents", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(ticket, null);
}

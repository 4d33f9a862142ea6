using Destek.Core.Identity;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.Sla;

/// <summary>
/// The app on a clock the test moves, starting Monday 30 November 2026 09:00 Istanbul. The escalation job's
/// trigger lies an hour after that (in the future for the real scheduler), so only the test runs the watch.
/// </summary>
public sealed class SlaAppFactory : DestekAppFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(SlaTestCalendar.Local(2026, 11, 30, 9), TimeSpan.Zero));

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:Sla:JobInterval"] = "01:00:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A fresh department with agents of its own, so tests do not meet the demo data or each other.</summary>
    public async Task<(int DepartmentId, IReadOnlyList<CreatedUser> Agents)> DepartmentWithAgentsAsync(int agents)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var department = await Get<OrganizationAdmin>().AddDepartmentAsync("Test " + tag);
        var users = new List<CreatedUser>();
        for (var i = 0; i < agents; i++)
        {
            users.Add(await Get<UserAdmin>().CreateAsync($"ajan{i}-{tag}@destek.local", Roles.Agent, Password, $"Ajan {i} {tag}", [department.Id]));
        }

        return (department.Id, users);
    }

    public Task<Ticket> CreateTicketAsync(int departmentId, TicketPriority priority = TicketPriority.Medium, string title = "Yazıcı çalışmıyor") =>
        Get<TicketService>().CreateAsync(new NewTicket
        {
            Title = title,
            Description = "Ofisteki yazıcı çıktı vermiyor.",
            DepartmentId = departmentId,
            Priority = priority,
            Source = TicketSource.Agent,
            RequesterName = "Ahmet Yılmaz",
            RequesterEmail = "ahmet@firma.com.tr",
        }, Actor.System);
}

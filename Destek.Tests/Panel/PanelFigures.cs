using System.Net;
using System.Text;
using System.Text.Json;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Panel;
using Destek.Core.Tickets;
using Destek.Tests.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Panel;

/// <summary>
/// The panel's figures over tickets of a department of their own, made on a fake clock:
/// Sunday 22 Nov one ticket (still open, so overdue by Wednesday); Monday 23 Nov five tickets, answered
/// after 30 min and 1 h, resolved after 1, 2, 3, 4 and 10 hours; Wednesday 25 Nov two new ones, one
/// assigned. "Now" is Wednesday 25 Nov 12:00 Istanbul.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PanelFigures(PanelAppFactory app) : IClassFixture<PanelAppFactory>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<PanelAppFactory, int> Departments = [];

    private int _department;

    private PanelQueries Panel => app.Services.GetRequiredService<PanelQueries>();

    private static readonly PanelPeriod Week = new(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 25));

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Departments.TryGetValue(app, out _department))
            {
                _department = await SeedAsync();
                Departments[app] = _department;
            }
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<StaffMember> StaffAsync(string email)
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (await app.Services.GetRequiredService<StaffDirectory>().FindAsync(id))!;
    }

    private async Task<int> SeedAsync()
    {
        var department = await app.Services.GetRequiredService<OrganizationAdmin>().AddDepartmentAsync("Panel Testi " + Guid.NewGuid().ToString("N")[..6]);
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var service = app.Services.GetRequiredService<TicketService>();
        Task<Ticket> Create(string title) => service.CreateAsync(new NewTicket
        {
            Title = title, Description = "Panel", DepartmentId = department.Id, Source = TicketSource.Agent, RequesterName = "Ayşe Kaya",
            RequesterEmail = "ayse@ornek.com.tr",
        }, Actor.Customer("Ayşe Kaya", "ayse@ornek.com.tr"));

        var clock = app.Clock;
        await Create("Pazar");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var monday = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            monday.Add(await Create("Pazartesi " + i));
        }

        clock.Advance(TimeSpan.FromMinutes(30));
        await service.ReplyAsync(monday[0].Id, "İlk yanıt", Actor.Staff(admin));
        clock.Advance(TimeSpan.FromMinutes(30));
        await service.ChangeStatusAsync(monday[0].Id, TicketStatus.Resolved, Actor.Staff(admin));
        await service.ReplyAsync(monday[1].Id, "İlk yanıt", Actor.Staff(admin));
        foreach (var (ticket, hours) in new[] { (monday[1], 1), (monday[2], 1), (monday[3], 1), (monday[4], 6) })
        {
            clock.Advance(TimeSpan.FromHours(hours));
            await service.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, Actor.Staff(admin));
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var assigned = await Create("Çarşamba 1");
        await Create("Çarşamba 2");
        await service.AssignAsync(assigned.Id, admin.UserId, Actor.Staff(admin));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        return department.Id;
    }

    private static double? Figure(PanelReport report, string key) => report.Figures.Single(f => f.Key == key).Value;

    [Fact]
    public async Task CountsTheDepartmentsTickets()
    {
        var report = await Panel.ReportAsync(new PanelScope(await StaffAsync(DemoSeeder.AdminEmail), _department), Week);

        Assert.Equal(3, Figure(report, "open"));
        Assert.Equal(2, Figure(report, "unassigned"));
        Assert.Equal(1, Figure(report, "overdue"));
        Assert.Equal(2, Figure(report, "created_today"));
        Assert.Equal(0, Figure(report, "solved_today"));
        Assert.Equal(7, Figure(report, "created_week"));
        Assert.Equal(5, Figure(report, "solved_week"));
        Assert.Equal(8, Figure(report, "created_range"));
        Assert.Equal(5, Figure(report, "solved_range"));
        // The five were resolved within 10 business hours, inside the default resolution targets; nobody rated them.
        Assert.Equal(100, Figure(report, "sla_compliance"));
        Assert.Null(Figure(report, "csat_average"));
    }

    [Fact]
    public async Task ComputesMedianAndNinetiethPercentileInTheDatabase()
    {
        var report = await Panel.ReportAsync(new PanelScope(await StaffAsync(DemoSeeder.AdminEmail), _department), Week);

        // Resolution: 1, 2, 3, 4, 10 h; percentile_cont(0.9) lies 60% of the way from 4 h to 10 h.
        Assert.Equal(3 * 3600, Figure(report, "resolution_median")!.Value, 0.5);
        Assert.Equal(7.6 * 3600, Figure(report, "resolution_p90")!.Value, 0.5);
        // First answers after 30 and 60 minutes.
        Assert.Equal(45 * 60, Figure(report, "first_response_median")!.Value, 0.5);
        Assert.Equal(57 * 60, Figure(report, "first_response_p90")!.Value, 0.5);
    }

    [Fact]
    public async Task AYearReadInSlicesGivesTheSamePercentiles()
    {
        // A year is read on parallel connections in date slices; the five resolutions sit in the last one.
        var year = PanelPeriod.Of(new DateOnly(2025, 11, 26), new DateOnly(2026, 11, 25));
        var report = await Panel.ReportAsync(new PanelScope(await StaffAsync(DemoSeeder.AdminEmail), _department), year);

        Assert.Equal(3 * 3600, Figure(report, "resolution_median")!.Value, 0.5);
        Assert.Equal(7.6 * 3600, Figure(report, "resolution_p90")!.Value, 0.5);
        Assert.Equal(45 * 60, Figure(report, "first_response_median")!.Value, 0.5);
        Assert.Equal(57 * 60, Figure(report, "first_response_p90")!.Value, 0.5);
    }

    [Fact]
    public async Task AYearOfEveryDepartmentMatchesTheDefinition()
    {
        // Every department's resolutions over a year: the slices' bounds fall between the demo tickets' times.
        var year = PanelPeriod.Of(new DateOnly(2025, 11, 26), new DateOnly(2026, 11, 25));
        var durations = (await app.WithDbAsync(db => db.Tickets.Where(t => t.ResolvedAt >= year.FromUtc && t.ResolvedAt < year.ToUtc)
            .Select(t => new { t.CreatedAt, ResolvedAt = t.ResolvedAt!.Value }).ToListAsync()))
            .Select(t => (t.ResolvedAt - t.CreatedAt).TotalSeconds).Order().ToList();
        Assert.True(durations.Count > 5, "the demo data resolves tickets across the year");
        double Cont(double p)
        {
            var position = p * (durations.Count - 1);
            var low = (int)Math.Floor(position);
            return low + 1 < durations.Count ? durations[low] + ((position - low) * (durations[low + 1] - durations[low])) : durations[low];
        }

        var report = await Panel.ReportAsync(new PanelScope(await StaffAsync(DemoSeeder.AdminEmail)), year);

        Assert.Equal(Cont(0.5), Figure(report, "resolution_median")!.Value, 0.5);
        Assert.Equal(Cont(0.9), Figure(report, "resolution_p90")!.Value, 0.5);
    }

    [Fact]
    public async Task GroupsByIstanbulDayAndBacklog()
    {
        var report = await Panel.ReportAsync(new PanelScope(await StaffAsync(DemoSeeder.AdminEmail), _department), Week);

        Assert.Equal(7, report.Daily.Count);
        Assert.Equal(new DayCount(new DateOnly(2026, 11, 22), 1, 0), report.Daily[3]);
        Assert.Equal(new DayCount(new DateOnly(2026, 11, 23), 5, 5), report.Daily[4]);
        Assert.Equal(new DayCount(new DateOnly(2026, 11, 25), 2, 0), report.Daily[6]);
        var row = Assert.Single(report.ByDepartment);
        Assert.Equal((3, 2), (row.Open, row.Unassigned));
        Assert.Equal([("Atanmamış", 2), ("Yönetici Admin", 1)], report.ByAgent.Select(r => (r.Name, r.Open)));
    }

    [Fact]
    public async Task AnAgentSeesOnlyTheirDepartments()
    {
        var agent = await StaffAsync(DemoSeeder.AgentEmail);
        Assert.DoesNotContain(_department, agent.DepartmentIds);

        var report = await Panel.ReportAsync(new PanelScope(agent, _department), Week);

        Assert.Equal(0, Figure(report, "open"));
        Assert.Equal(0, Figure(report, "created_range"));
        Assert.Empty(report.ByDepartment);
        var all = await Panel.ReportAsync(new PanelScope(agent), Week);
        Assert.All(all.ByDepartment, r => Assert.Contains(r.Id!.Value, agent.DepartmentIds));
    }

    [Fact]
    public async Task ExportsCsvForExcel()
    {
        var browser = await AccountKit.SignedInAsync(app, DemoSeeder.AdminEmail);

        var response = await browser.GetAsync($"/panel/disa-aktar?baslangic=2026-11-19&bitis=2026-11-25&departman={_department}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Contains("Gösterge;Değer;Birim;Not", lines);
        Assert.Contains("Açık;3;talep;", lines);
        Assert.Contains("Çözüm süresi (medyan);3;saat;5 talep", lines);
        Assert.Contains("Çözüm süresi (%90);7,6;saat;5 talep", lines);
        Assert.Contains("Departman;Açık;Atanmamış", lines);
        Assert.Contains("Gün;Oluşturulan;Çözülen", lines);
        Assert.Contains("23.11.2026;5;5", lines);
        Assert.Contains("SLA uyumu;100;%;", lines);
    }

    [Fact]
    public async Task RefusesBadDatesAndOtherDepartments()
    {
        var admin = await AccountKit.SignedInAsync(app, DemoSeeder.AdminEmail);
        var bad = await admin.GetAsync("/panel/disa-aktar?baslangic=25.11.2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var body = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            Assert.Equal("invalid_request", body.RootElement.GetProperty("code").GetString());
            Assert.Equal("baslangic", body.RootElement.GetProperty("field").GetString());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("requestId").GetString()));
        }

        var reversed = await admin.GetAsync("/panel/disa-aktar?baslangic=2026-11-25&bitis=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);

        var agent = await AccountKit.SignedInAsync(app, DemoSeeder.AgentEmail);
        var forbidden = await agent.GetAsync($"/panel/disa-aktar?departman={_department}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/panel/disa-aktar")).StatusCode);

        var anonymous = await AccountKit.NewBrowser(app).GetAsync("/panel/disa-aktar");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}

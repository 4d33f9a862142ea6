using Bunit;
using Destek.App.Settings;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Destek.Tests.Sla;

/// <summary>/admin/settings/sla in bUnit over the real services: targets, holidays, assignment and leads are saved and said; refusals too.</summary>
[Trait("Category", "Integration")]
public sealed class SlaSettingsScreen(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private sealed class Context : BunitContext
    {
        public Context(SlaAppFactory app)
        {
            JSInterop.Mode = JSRuntimeMode.Loose;
            Services.AddMudServices();
            AddAuthorization().SetAuthorized(DemoSeeder.AdminEmail).SetRoles("Admin");
            Services.AddSingleton(app.Get<SlaAdmin>());
            Services.AddSingleton(app.Get<AssignmentAdmin>());
            Services.AddSingleton(app.Get<OrganizationAdmin>());
            Services.AddSingleton(app.Get<IOptions<SlaOptions>>());
            SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        }
    }

    [Fact]
    public async Task SavesADepartmentTargetAndRefusesOneShorterThanTheFirstResponse()
    {
        var (department, _) = await app.DepartmentWithAgentsAsync(0);
        await using var ctx = new Context(app);
        var cut = ctx.Render<SlaSettings>();
        cut.WaitForAssertion(() => Assert.Contains("Tüm departmanlar", cut.Markup, StringComparison.Ordinal), Wait);

        await cut.InvokeAsync(() => cut.InputLabelled("Departman").Change(department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await cut.InvokeAsync(() => cut.InputLabelled("Öncelik").Change(nameof(TicketPriority.Urgent)));
        await cut.InvokeAsync(() => cut.InputLabelled("İlk yanıt hedefi (iş dakikası)").Change("30"));
        await cut.InvokeAsync(() => cut.InputLabelled("Çözüm hedefi (iş dakikası)").Change("120"));
        await cut.InvokeAsync(() => cut.Find("form[aria-label='SLA hedefi ekle veya değiştir']").SubmitAsync());
        cut.WaitForAssertion(() => Assert.Contains("SLA hedefi kaydedildi", cut.Markup, StringComparison.Ordinal), Wait);
        var saved = Assert.Single(await app.Get<SlaAdmin>().PoliciesAsync(), p => p.DepartmentId == department);
        Assert.Equal((TicketPriority.Urgent, 30, 120), (saved.Priority, saved.FirstResponseMinutes, saved.ResolutionMinutes));

        await cut.InvokeAsync(() => cut.InputLabelled("Çözüm hedefi (iş dakikası)").Change("20"));
        await cut.InvokeAsync(() => cut.Find("form[aria-label='SLA hedefi ekle veya değiştir']").SubmitAsync());
        cut.WaitForAssertion(() => Assert.Contains("Çözüm hedefi ilk yanıt hedefinden kısa olamaz.", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(120, Assert.Single(await app.Get<SlaAdmin>().PoliciesAsync(), p => p.DepartmentId == department).ResolutionMinutes);
    }

    [Fact]
    public async Task ShowsTheSeededHolidaysAndAddsAHalfDay()
    {
        await using var ctx = new Context(app);
        var cut = ctx.Render<SlaSettings>();
        cut.WaitForAssertion(() => Assert.Contains("Kurban Bayramı arifesi", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("Demokrasi ve Millî Birlik Günü", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Yarım gün (13:00'de kapanış)", cut.Markup, StringComparison.Ordinal);

        await cut.InvokeAsync(() => cut.InputLabelled("Tatil tarihi").Change("2028-02-25"));
        await cut.InvokeAsync(() => cut.InputLabelled("Tatil adı").Change("Şirket günü"));
        await cut.InvokeAsync(() => cut.InputLabelled("Yarım gün: kapanış saati (boş: tam gün)").Change("12:00"));
        await cut.InvokeAsync(() => cut.Find("form[aria-label='Tatil ekle']").SubmitAsync());
        cut.WaitForAssertion(() => Assert.Contains("Tatil eklendi: Şirket günü", cut.Markup, StringComparison.Ordinal), Wait);
        var holiday = Assert.Single(await app.Get<SlaAdmin>().HolidaysAsync(), h => h.Name == "Şirket günü");
        Assert.Equal((new DateOnly(2028, 2, 25), new TimeOnly(12, 0), false), (holiday.Date, holiday.ClosesAt, holiday.RecursYearly));
    }

    [Fact]
    public async Task TurnsOnAssignmentForADepartmentWithACap()
    {
        var (department, _) = await app.DepartmentWithAgentsAsync(0);
        var name = (await app.Get<OrganizationAdmin>().DepartmentsAsync()).Single(d => d.Id == department).Name;
        await using var ctx = new Context(app);
        var cut = ctx.Render<SlaSettings>();
        cut.WaitForAssertion(() => Assert.Contains($"Otomatik atama: {name}", cut.Markup, StringComparison.Ordinal), Wait);

        await cut.InvokeAsync(() => cut.InputLabelled($"Otomatik atama: {name}").Change(true));
        await cut.InvokeAsync(() => cut.InputLabelled($"Yöntem: {name}").Change(nameof(AssignmentStrategy.LeastOpen)));
        await cut.InvokeAsync(() => cut.InputLabelled($"Açık talep sınırı: {name} (boş: sınırsız)").Change("5"));
        await cut.InvokeAsync(() => cut.Find($"form[aria-label='Otomatik atama: {name}']").SubmitAsync());
        cut.WaitForAssertion(() => Assert.Contains($"Otomatik atama kaydedildi: {name} (açık)", cut.Markup, StringComparison.Ordinal), Wait);
        var rule = Assert.Single(await app.Get<AssignmentAdmin>().RulesAsync(), r => r.DepartmentId == department);
        Assert.Equal((true, AssignmentStrategy.LeastOpen, (int?)5), (rule.IsEnabled, rule.Strategy, rule.OpenTicketCap));
    }
}

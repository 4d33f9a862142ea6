using Bunit;
using Destek.App.Settings;
using Destek.Core.Organization;
using Destek.Tests.ExternalApi;

namespace Destek.Tests.Components;

/// <summary>Ayarlar → Departmanlar ve Kategoriler on MudBlazor: changes are saved and said in a snackbar; refusals too.</summary>
[Trait("Category", "Integration")]
public sealed class SettingsOrganization(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AddsADepartmentAndRefusesADuplicate()
    {
        await using var ctx = new SettingsContext(app);
        var cut = ctx.Render<OrganizationSettings>();
        cut.WaitForAssertion(() => Assert.Contains("Bilgi İşlem", cut.Markup, StringComparison.Ordinal), Wait);
        var name = "Hukuk " + Guid.NewGuid().ToString("N")[..4];

        await cut.InvokeAsync(() => cut.InputLabelled("Yeni departman adı").Change(name));
        await cut.InvokeAsync(() => cut.Find("section[aria-labelledby=departments-title] form").SubmitAsync());
        cut.WaitForAssertion(() => Assert.Contains($"Departman eklendi: {name}", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains(await app.Get<OrganizationAdmin>().DepartmentsAsync(), d => d.Name == name);

        await cut.InvokeAsync(() => cut.InputLabelled("Yeni departman adı").Change(name));
        await cut.InvokeAsync(() => cut.Find("section[aria-labelledby=departments-title] form").SubmitAsync());
        cut.WaitForAssertion(() => Assert.Contains($"'{name}' adında bir departman zaten var.", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.Single(await app.Get<OrganizationAdmin>().DepartmentsAsync(), d => d.Name == name);
    }
}

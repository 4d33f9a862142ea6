using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Services;

[Trait("Category", "Integration")]
public sealed class OrganizationAdminRules(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private OrganizationAdmin Admin => factory.Services.GetRequiredService<OrganizationAdmin>();

    [Fact]
    public async Task AddsACategoryThatTheSupportFormOffers()
    {
        var category = await Admin.AddCategoryAsync("kargo_takibi", "Kargo Takibi");
        Assert.Contains(await factory.Services.GetRequiredService<TicketQueries>().CategoriesAsync(), c => c.Id == category.Id && c.Name == "Kargo Takibi");
    }

    [Theory]
    [InlineData("teknik_sorun", "Yeni Ad")]
    [InlineData("yeni_konu", "Teknik Destek")]
    [InlineData("teknik sorun", "Yeni Ad")]
    [InlineData("x", "Yeni Ad")]
    [InlineData("yeni_konu", "Y")]
    public async Task RefusesBadOrDuplicateCategories(string slug, string name)
    {
        await Assert.ThrowsAsync<OrganizationRuleException>(() => Admin.AddCategoryAsync(slug, name));
        Assert.False(await factory.WithDbAsync(db => db.Categories.AnyAsync(c => c.Slug == "yeni_konu")));
    }

    [Fact]
    public async Task OnlyOneDefaultDepartmentAndItCannotBeDeactivated()
    {
        var sales = await factory.WithDbAsync(db => db.Departments.SingleAsync(d => d.Name == "Satış"));
        var previous = await factory.WithDbAsync(db => db.Departments.SingleAsync(d => d.IsDefault));
        await Admin.MakeDefaultDepartmentAsync(sales.Id);
        try
        {
            var defaults = await factory.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).ToListAsync());
            Assert.Equal([sales.Id], defaults);
            await Assert.ThrowsAsync<OrganizationRuleException>(() => Admin.SetDepartmentActiveAsync(sales.Id, false));
        }
        finally
        {
            await Admin.MakeDefaultDepartmentAsync(previous.Id);
        }
    }

    [Fact]
    public async Task RoutesACategoryOnlyToAnActiveDepartment()
    {
        var department = await Admin.AddDepartmentAsync($"Geçici {Guid.NewGuid():N}"[..20]);
        var category = await Admin.AddCategoryAsync($"gecici_{Guid.NewGuid():N}"[..20], $"Geçici Konu {Guid.NewGuid():N}"[..24]);
        await Admin.SetDepartmentActiveAsync(department.Id, false);
        await Assert.ThrowsAsync<OrganizationRuleException>(() => Admin.RouteCategoryAsync(category.Id, department.Id));
        await Admin.SetDepartmentActiveAsync(department.Id, true);
        await Admin.RouteCategoryAsync(category.Id, department.Id);
        Assert.Equal(department.Id, await factory.WithDbAsync(db => db.Categories.Where(c => c.Id == category.Id).Select(c => c.DepartmentId).SingleAsync()));
    }
}

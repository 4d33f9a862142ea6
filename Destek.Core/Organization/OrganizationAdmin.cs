using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.Organization;

/// <summary>Departments and categories, managed by admins (Ayarlar → Departmanlar ve Kategoriler).</summary>
public sealed class OrganizationAdmin(IDbContextFactory<DestekDbContext> dbFactory, DepartmentIntake intake)
{
    public async Task<IReadOnlyList<Department>> DepartmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
    }

    public async Task<Department> AddDepartmentAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var department = new Department(name);
        await EnsureUniqueDepartmentAsync(db, department.Name, null, cancellationToken);
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        intake.Forget();
        return department;
    }

    public Task RenameDepartmentAsync(int id, string name, CancellationToken cancellationToken = default) =>
        ChangeDepartmentAsync(id, async (db, d) =>
        {
            d.Rename(name);
            await EnsureUniqueDepartmentAsync(db, d.Name, d.Id, cancellationToken);
        }, cancellationToken);

    public Task SetDepartmentActiveAsync(int id, bool active, CancellationToken cancellationToken = default) =>
        ChangeDepartmentAsync(id, (_, d) =>
        {
            if (active)
            {
                d.Activate();
            }
            else
            {
                d.Deactivate();
            }

            return Task.CompletedTask;
        }, cancellationToken);

    public Task MakeDefaultDepartmentAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeDepartmentAsync(id, async (db, d) =>
        {
            foreach (var other in await db.Departments.Where(x => x.IsDefault && x.Id != id).ToListAsync(cancellationToken))
            {
                other.MakeDefault(false);
            }

            d.MakeDefault(true);
        }, cancellationToken);

    public async Task<Category> AddCategoryAsync(string slug, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.Categories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
        var category = new Category(slug?.Trim() ?? "", name, last + 10);
        if (await db.Categories.AnyAsync(c => c.Slug == category.Slug, cancellationToken))
        {
            throw new OrganizationRuleException($"'{category.Slug}' kısa adıyla bir kategori zaten var.");
        }

        await EnsureUniqueCategoryAsync(db, category.Name, null, cancellationToken);
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    public Task RenameCategoryAsync(int id, string name, CancellationToken cancellationToken = default) =>
        ChangeCategoryAsync(id, async (db, c) =>
        {
            c.Rename(name);
            await EnsureUniqueCategoryAsync(db, c.Name, c.Id, cancellationToken);
        }, cancellationToken);

    public Task SetCategoryActiveAsync(int id, bool active, CancellationToken cancellationToken = default) =>
        ChangeCategoryAsync(id, (_, c) =>
        {
            if (active)
            {
                c.Activate();
            }
            else
            {
                c.Deactivate();
            }

            return Task.CompletedTask;
        }, cancellationToken);

    public Task RouteCategoryAsync(int id, int? departmentId, CancellationToken cancellationToken = default) =>
        ChangeCategoryAsync(id, async (db, c) =>
        {
            var department = departmentId is int d
                ? await db.Departments.FirstOrDefaultAsync(x => x.Id == d, cancellationToken) ?? throw new OrganizationRuleException($"Departman bulunamadı: {d}")
                : null;
            c.RouteTo(department);
        }, cancellationToken);

    private async Task ChangeDepartmentAsync(int id, Func<DestekDbContext, Department, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new OrganizationRuleException($"Departman bulunamadı: {id}");
        await change(db, department);
        await db.SaveChangesAsync(cancellationToken);
        intake.Forget();
    }

    private async Task ChangeCategoryAsync(int id, Func<DestekDbContext, Category, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new OrganizationRuleException($"Kategori bulunamadı: {id}");
        await change(db, category);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task EnsureUniqueDepartmentAsync(DestekDbContext db, string name, int? except, CancellationToken cancellationToken)
    {
        if (await db.Departments.AnyAsync(d => d.Name == name && d.Id != except, cancellationToken))
        {
            throw new OrganizationRuleException($"'{name}' adında bir departman zaten var.");
        }
    }

    private static async Task EnsureUniqueCategoryAsync(DestekDbContext db, string name, int? except, CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken))
        {
            throw new OrganizationRuleException($"'{name}' adında bir kategori zaten var.");
        }
    }
}

using Destek.Core.Identity;
using Destek.Core.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Data;

/// <summary>Applies migrations, makes sure the roles exist and, when asked, seeds the demo data.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<DestekDbContext> dbFactory, IOptions<DestekOptions> options, DemoSeeder demo)
{
    public bool IsReady { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await HandWrittenMigrations.AdoptAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            foreach (var role in Roles.All)
            {
                if (!await db.Roles.AnyAsync(r => r.Name == role, cancellationToken))
                {
                    db.Roles.Add(new IdentityRole<int>(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
                }
            }

            if (!await db.Departments.AnyAsync(cancellationToken))
            {
                db.Departments.Add(new Organization.Department(ReferenceData.DefaultDepartment, isDefault: true));
            }

            if (!await db.Categories.AnyAsync(cancellationToken))
            {
                db.Categories.AddRange(ReferenceData.NewCategories());
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (options.Value.Demo.Seed)
        {
            await demo.SeedAsync(cancellationToken);
        }

        IsReady = true;
    }
}

using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Invoices;
using Destek.Core.Organization;
using Destek.Core.Panel;
using Destek.Core.Satisfaction;
using Destek.Core.Search;
using Destek.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Destek.Core;

public static class DestekCoreExtensions
{
    /// <summary>Options, the database (SQLite by default), and the ticket services every surface shares.</summary>
    public static IHostApplicationBuilder AddDestekCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DestekOptions>().Bind(builder.Configuration.GetSection(DestekOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider>((o, clock) => o.Clock = new CacheClock(clock));
        services.AddSingleton<DataDirectory>();
        services.AddSingleton<ITicketChangeNotifier, InProcessTicketChangeNotifier>();
        services.AddSingleton<TicketEventDispatcher>();
        services.AddSingleton<TicketNumberGenerator>();
        services.AddSingleton(sp => new TicketSaveHooks(sp.GetRequiredService<TicketEventDispatcher>(), sp.GetRequiredService<TicketNumberGenerator>()));

        services.AddDbContextFactory<DestekDbContext, DestekDbContextFactory>((sp, options) => ConfigureDatabase(sp, options));
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<TicketCreateQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TicketCreateQueue>());
        services.AddHostedService<SqliteCheckpointer>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<TicketQueries>();
        services.AddSlaAndAssignment(builder.Configuration);
        services.AddTicketSearch(builder.Configuration);
        services.AddPanel();
        services.AddCustomers();
        services.AddSingleton<UserAdmin>();
        services.AddSingleton<OrganizationAdmin>();
        services.AddSingleton<DepartmentIntake>();
        services.AddSingleton<Idempotency.IdempotencyStore>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoSeeder>();
        services.AddInvoices(builder.Configuration);
        services.AddTicketWork(builder.Configuration);

        // Jobs: each capability adds its own with services.AddQuartz(q => q.ScheduleJob<...>(...)).
        services.AddQuartz(q => q.ScheduleJob<Idempotency.IdempotencyPurgeJob>((sp, t) => t
            .WithIdentity("idempotency-purge").StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(5)).WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever())));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void ConfigureDatabase(IServiceProvider sp, DbContextOptionsBuilder options)
    {
        var settings = sp.GetRequiredService<IOptions<DestekOptions>>().Value;
        if (DatabaseProviders.IsPostgreSql(settings))
        {
            options.UseNpgsql(settings.ConnectionString ?? throw new InvalidOperationException("Destek:ConnectionString is required for PostgreSQL."))
                .AddInterceptors(new PostgreSqlCaseInsensitiveLike());
        }
        else
        {
            var connectionString = settings.ConnectionString ?? new SqliteConnectionStringBuilder
            {
                DataSource = sp.GetRequiredService<DataDirectory>().Combine("destek.db"),
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
            options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(), new Search.SqliteSearchFunctions(), new SqliteWriteGate(), new SqliteIndexHints());
        }

        if (sp.GetService<Webhooks.WebhookWakeup>() is { } webhookWakeup)
        {
            options.AddInterceptors(webhookWakeup);
        }
    }
}

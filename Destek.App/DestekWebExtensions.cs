using Destek.App.Account;
using Destek.App.Desk;
using Destek.App.Platform;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Destek.App.Components.Layout;
using MudBlazor.Services;

namespace Destek.App;

public static class DestekWebExtensions
{
    public const string StaffPolicy = "Staff";
    public const string AdminPolicy = "Admin";

    /// <summary>Identity with roles, the Turkish sign-in page, API-friendly 401/403, keys in the data directory.</summary>
    public static WebApplicationBuilder AddDestekIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddIdentity<AppUser, IdentityRole<int>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<DestekDbContext>()
            .AddErrorDescriber<TurkishIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddDefaultUI();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/giris";
            options.LogoutPath = "/cikis";
            options.AccessDeniedPath = "/erisim-yok";
            options.Cookie.Name = "destek.auth";
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Admin, Roles.Agent))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

        builder.Services.AddDataProtection()
            .SetApplicationName("Destek")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Destek:DataDirectory"] ?? "data")), "keys")));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>Blazor (static by default, interactive where a person interacts), MudBlazor, health, platform pieces.</summary>
    public static WebApplicationBuilder AddDestekWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serve package assets (MudBlazor's _content) from the build output in every environment, not
        // only Development; a published app has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRazorPages();
        builder.Services.AddMudServices();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<RateLimits>();
        builder.Services.AddSingleton<ClientAddress>();
        builder.Services.AddScoped<CurrentStaff>();
        builder.Services.AddSingleton<IdentityOptionsAccessor>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<DestekDbContext>("database")
            .AddCheck<DatabaseReadyCheck>("migrations");
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public static WebApplication UseDestekPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestIds();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/hata", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/bulunamadi", createScopeForStatusCodePages: true);
        app.UseThemeClientHint();
        app.MapStaticAssets();
        app.UseApiErrorShield();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapDestekApp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false });
        app.MapAccountEndpoints();
        app.MapThemePreference();
        app.MapDeskEndpoints();
        app.MapRazorPages();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>/health is 200 only once migrations ran and the reference data exists.</summary>
public sealed class DatabaseReadyCheck(DatabaseInitializer initializer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(initializer.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Veritabanı henüz hazır değil."));
}

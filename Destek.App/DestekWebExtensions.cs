using Destek.App.Account;
using Destek.App.Desk;
using Destek.App.Platform;
using Destek.Core;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
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

    /// <summary>
    /// Identity with roles and Destek's own Turkish account pages (no stock Identity UI), lockout on
    /// every sign-in path, the cookie checked against the account on every request, API-friendly
    /// 401/403, keys in the data directory.
    /// </summary>
    public static WebApplicationBuilder AddDestekIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AccountOptions>().Bind(builder.Configuration.GetSection(AccountOptions.Section));
        builder.Services.AddIdentity<AppUser, IdentityRole<int>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokens.ProviderName;
                options.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokens.ProviderName;
            })
            .AddEntityFrameworkStores<DestekDbContext>()
            .AddErrorDescriber<TurkishIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokens>(PasswordResetTokens.ProviderName)
            .AddTokenProvider<EmailConfirmationTokens>(EmailConfirmationTokens.ProviderName)
            .AddSignInManager<DestekSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        // Every request re-reads the account: a signed-out, deactivated or re-passworded session's
        // cookie is refused at once, and the two-factor mark follows the admin's setting.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SecuritySettingsStore>();
        builder.Services.AddScoped<PasswordResetMail>();
        builder.Services.AddScoped<CustomerSignUp>();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/giris";
            options.LogoutPath = "/cikis";
            options.AccessDeniedPath = "/erisim-yok";
            options.Cookie.Name = "destek.auth";
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => StaffClaimsFactory.MustSetUpTwoFactor(context.HttpContext.User) && !context.Request.Path.StartsWithSegments("/api")
                ? RedirectTo(context, AccountEndpoints.TwoFactorPath)
                : ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Admin, Roles.Agent).RequireAssertion(c => !StaffClaimsFactory.MustSetUpTwoFactor(c.User)))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin).RequireAssertion(c => !StaffClaimsFactory.MustSetUpTwoFactor(c.User)));

        builder.Services.AddDataProtection().SetApplicationName("Destek");
        // The keys folder comes from the data directory when the options are first built, not from the
        // configuration at registration: settings added later (a test host's, a command line's) count too.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataDirectory, ILoggerFactory>((options, data, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(data.EnsureFolder("keys")), loggers));
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
        builder.Services.AddMudServices();
        builder.Services.AddTurkishMudStrings();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<RateLimits>();
        builder.Services.AddTrustedProxies();
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
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseRequestIds();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/hata", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/bulunamadi", createScopeForStatusCodePages: true);
        app.UseThemeClientHint();
        app.MapStaticAssets();
        app.UseApiErrorShield();
        app.UseDeprecationHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        // Idempotency is an endpoint filter of each API surface, after its authentication (IdempotencyKeys).
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
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(CircuitBudget.ConfigureServerRenderMode);
        return app;
    }

    private static Task RedirectTo(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, string path)
    {
        context.Response.Redirect(path);
        return Task.CompletedTask;
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

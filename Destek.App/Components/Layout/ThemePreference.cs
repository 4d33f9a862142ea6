namespace Destek.App.Components.Layout;

/// <summary>
/// Dark mode without a circuit: the layout is static (public pages open none), so the choice lives in a
/// cookie and "follow the system" reads the browser's <c>Sec-CH-Prefers-Color-Scheme</c> client hint.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "destek.theme";
    public const string System = "system";
    public const string Light = "light";
    public const string Dark = "dark";
    private const string ClientHint = "Sec-CH-Prefers-Color-Scheme";

    public static string ModeOf(HttpContext? context)
    {
        var mode = context?.Request.Cookies[CookieName];
        return mode is Light or Dark ? mode : System;
    }

    public static bool IsDark(HttpContext? context) => ModeOf(context) switch
    {
        Dark => true,
        Light => false,
        _ => string.Equals(context?.Request.Headers[ClientHint].ToString().Trim('"'), "dark", StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The next mode of the app bar's switch: system → dark → light → system.</summary>
    public static string Next(string mode) => mode switch
    {
        System => Dark,
        Dark => Light,
        _ => System,
    };

    public static string Label(string mode) => mode switch
    {
        Dark => "Koyu tema",
        Light => "Açık tema",
        _ => "Sistem teması",
    };

    /// <summary>Asks browsers for the colour-scheme hint on every page (Critical-CH: on the first visit too).</summary>
    public static IApplicationBuilder UseThemeClientHint(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.Headers["Accept-CH"] = ClientHint;
                context.Response.Headers["Critical-CH"] = ClientHint;
                context.Response.Headers.Append("Vary", ClientHint);
            }

            return next(context);
        });

    /// <summary>POST /tema with the mode to set; a form in the app bar, so it works without JavaScript.</summary>
    public static IEndpointRouteBuilder MapThemePreference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/tema", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string? mode, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = mode is Light or Dark ? mode : System;
            context.Response.Cookies.Append(CookieName, chosen, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return TypedResults.LocalRedirect(target);
        });
        return endpoints;
    }
}

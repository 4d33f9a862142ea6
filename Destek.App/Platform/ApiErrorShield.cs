namespace Destek.App.Platform;

/// <summary>
/// An unexpected failure under /api answers JSON in the surface's documented shape with code
/// internal_error and the request id; never a stack trace, never the HTML error page.
/// </summary>
public static class ApiErrorShield
{
    public static IApplicationBuilder UseApiErrorShield(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Destek.Api").LogError(ex, "Unhandled API failure");
            context.Response.Clear();
            await ApiErrorCodes.SurfaceError(context, StatusCodes.Status500InternalServerError,
                "Beklenmeyen bir hata oluştu. Sorun sürerse bu istek kimliğiyle destek ekibine başvurun: " + RequestIds.Of(context)).ExecuteAsync(context);
        }
    });
}

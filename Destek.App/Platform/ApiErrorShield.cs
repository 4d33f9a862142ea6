using Destek.Core.Tickets;
using Microsoft.AspNetCore.Diagnostics;

namespace Destek.App.Platform;

/// <summary>
/// Everything under /api answers errors as JSON in the surface's documented shape with code and
/// requestId: unexpected failures (500, never a stack trace), a ticket create refused because the host is
/// shutting down (503 with Retry-After), and the bodiless refusals the framework
/// produces on its own — no endpoint (404), a method the path does not take (405, keeping the
/// router's Allow header), a cookie challenge (401/403) — which would otherwise get the HTML
/// "Sayfa bulunamadı" page from the status-code pages or an empty body.
/// </summary>
public static class ApiErrorShield
{
    public static IApplicationBuilder UseApiErrorShield(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        // The HTML status pages are for people; an API client gets JSON from here instead.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            if (ex is BadHttpRequestException bad && bad.StatusCode < 500)
            {
                // A body the server could not read (too large, cut off, malformed framing) is the caller's fault.
                context.Response.Clear();
                await ApiErrorCodes.SurfaceError(context, bad.StatusCode,
                    bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "İstek gövdesi çok büyük." : "İstek gövdesi okunamadı.").ExecuteAsync(context);
                return;
            }

            if (ex is TicketCreateQueueClosedException closed)
            {
                // The host is shutting down and saved nothing: the caller may send the same create again later.
                context.Response.Clear();
                context.Response.Headers.RetryAfter = "5";
                await ApiErrorCodes.SurfaceError(context, StatusCodes.Status503ServiceUnavailable, closed.Message).ExecuteAsync(context);
                return;
            }

            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Destek.Api").LogError(ex, "Unhandled API failure");
            context.Response.Clear();
            await ApiErrorCodes.SurfaceError(context, StatusCodes.Status500InternalServerError,
                "Beklenmeyen bir hata oluştu. Sorun sürerse bu istek kimliğiyle destek ekibine başvurun: " + RequestIds.Of(context)).ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null or 0)
        {
            var status = response.StatusCode;
            var allow = response.Headers.Allow;
            await ApiErrorCodes.SurfaceError(context, status, MessageFor(status, allow)).ExecuteAsync(context);
        }
    });

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    private static string MessageFor(int status, Microsoft.Extensions.Primitives.StringValues allow) => status switch
    {
        StatusCodes.Status401Unauthorized => "Kimlik doğrulama bilgileri sağlanmadı.",
        StatusCodes.Status403Forbidden => "Bu işlemi yapmak için izniniz bulunmamaktadır.",
        StatusCodes.Status404NotFound => "Kaynak bulunamadı.",
        StatusCodes.Status405MethodNotAllowed => allow.Count > 0
            ? $"Bu adres bu HTTP yöntemini desteklemiyor. İzin verilenler: {string.Join(", ", allow.ToArray())}."
            : "Bu adres bu HTTP yöntemini desteklemiyor.",
        StatusCodes.Status413PayloadTooLarge => "İstek gövdesi çok büyük.",
        StatusCodes.Status415UnsupportedMediaType => "İstek gövdesinin medya tipi desteklenmiyor.",
        _ => "İstek işlenemedi.",
    };
}

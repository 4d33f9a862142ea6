using Destek.App.Platform;
using Destek.Core.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace Destek.App.Account;

public static class AccountEndpoints
{
    public const string TwoFactorPath = "/hesap/iki-adimli";

    /// <summary>
    /// Sign-out is a POST with an antiforgery token, so a link elsewhere cannot sign people out. It
    /// changes the security stamp: a copy of the ended cookie is refused at its next request.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cikis", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return ApiErrorCodes.Error(context, StatusCodes.Status400BadRequest, new Dictionary<string, object?>
                {
                    ["field"] = "__RequestVerificationToken",
                    ["detail"] = "Form anahtarı eksik ya da geçersiz; sayfayı yenileyip tekrar deneyin.",
                });
            }

            if (await users.GetUserAsync(context.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/giris");
        });

        // Identity's stock pages are not served. Answered here rather than left to routing because
        // the not-found page is re-executed with the request's method, and a POST there is refused
        // with 400/405 instead of the 404 these paths owe every caller.
        endpoints.Map("/Identity/{**rest}", NotFound).ExcludeFromDescription();
        endpoints.Map("/Identity", NotFound).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult NotFound(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        return Results.NotFound();
    }
}

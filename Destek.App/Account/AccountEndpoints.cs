using Destek.App.Platform;
using Destek.Core.Identity;
using Microsoft.AspNetCore.Antiforgery;
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
        return endpoints;
    }
}

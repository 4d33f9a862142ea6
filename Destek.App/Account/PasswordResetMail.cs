using System.Globalization;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.App.Account;

/// <summary>Writes the reset link into the mail outbox, for an active account only; callers answer the same either way.</summary>
public sealed class PasswordResetMail(
    UserManager<AppUser> users,
    IDbContextFactory<DestekDbContext> dbFactory,
    TimeProvider clock,
    IOptions<AccountOptions> accountOptions,
    IOptions<MailOptions> mailOptions)
{
    public const string Kind = "password_reset";

    public async Task RequestAsync(string email, Uri requestBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestBase);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { CanSignIn: true } || string.IsNullOrWhiteSpace(user.Email))
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUri = accountOptions.Value.PublicUrl ?? requestBase;
        var link = new Uri(baseUri, string.Create(CultureInfo.InvariantCulture, $"sifre-sifirla?kullanici={user.Id}&kod={Uri.EscapeDataString(token)}"));
        var body = string.Create(CultureInfo.InvariantCulture, $"""
            Sayın {user.FullName},

            Destek hesabınız için şifre sıfırlama isteği aldık. Yeni şifrenizi belirlemek için bağlantıyı açın:

            {link}

            Bağlantı {accountOptions.Value.ResetLinkMinutes} dakika geçerlidir ve yalnızca bir kez kullanılabilir.
            Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; şifreniz değişmez.

            {mailOptions.Value.Signature}
            """);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Set<OutboxMail>().Add(OutboxMail.Create(Kind, null, user.Email, user.FullName, "Destek şifre sıfırlama", body, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}

using System.Globalization;
using Destek.App.Platform;
using Destek.Core.Customers;
using Destek.Core.Data;
using Destek.Core.Identity;
using Destek.Core.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.App.Account;

/// <summary>
/// Customer sign-up (/kayit) and e-mail confirmation (/eposta-onayla). Sign-up only ever makes
/// customers, unconfirmed, and mails a link through the outbox; the account signs in once the link is
/// opened, and at that moment the tickets filed under the address become the account's. An address
/// that already has an account gets the same answer on the page (no one learns who has an account)
/// and a mail saying so, or a fresh link if it is still unconfirmed.
/// </summary>
public sealed class CustomerSignUp(
    UserManager<AppUser> users,
    IDbContextFactory<DestekDbContext> dbFactory,
    CustomerClaims claims,
    RateLimits rateLimits,
    ClientAddress client,
    TimeProvider clock,
    IOptions<AccountOptions> accountOptions,
    IOptions<MailOptions> mailOptions)
{
    public const string ConfirmKind = "email_confirmation";
    public const string NameField = "name";
    public const string EmailField = "email";
    public const string PasswordField = "password";

    /// <summary>False (and 429 headers set) when this IP has used its hourly budget of sign-ups and re-sends.</summary>
    public bool TryAcquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return rateLimits.TryAcquire(context, "signup:" + client.Of(context), accountOptions.Value.SignUpsPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>Field errors, empty when the account exists (new, or already there) and a mail is on its way.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> RegisterAsync(string name, string email, string password, Uri requestBase)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        email = email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (!existing.EmailConfirmed && await users.IsInRoleAsync(existing, Roles.Customer))
            {
                await SendConfirmationAsync(existing, requestBase);
            }
            else
            {
                await QueueAsync(existing, "Destek hesabınız zaten var", $"""
                    Sayın {existing.FullName},

                    Bu e-posta adresiyle yeni bir Destek hesabı açılmak istendi, ancak adresinize ait bir hesap zaten var.
                    Giriş yapabilir ya da şifrenizi unuttuysanız sıfırlayabilirsiniz:

                    {new Uri(BaseOf(requestBase), "giris")}

                    Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın.

                    {mailOptions.Value.Signature}
                    """);
            }

            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = false,
            FullName = name.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The id a person had as a requester without an account stays theirs (SenderIds).
        var senderId = SenderIds.ForEmail(email);
        if (!await users.Users.AnyAsync(u => u.PublicId == senderId))
        {
            user.PublicId = senderId;
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? PasswordField : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? EmailField : NameField)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Description).ToList());
        }

        var role = await users.AddToRoleAsync(user, Roles.Customer);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));
        }

        await SendConfirmationAsync(user, requestBase);
        return new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>A new link for an unconfirmed customer account; nothing (and the same answer to the caller) otherwise.</summary>
    public async Task ResendAsync(string email, Uri requestBase)
    {
        ArgumentNullException.ThrowIfNull(email);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is { EmailConfirmed: false, IsActive: true } && await users.IsInRoleAsync(user, Roles.Customer))
        {
            await SendConfirmationAsync(user, requestBase);
        }
    }

    /// <summary>True when the link confirmed the address (or it was confirmed already); then the address's tickets are the account's.</summary>
    public async Task<bool> ConfirmAsync(int userId, string code)
    {
        var user = await users.FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture));
        if (user is null || string.IsNullOrWhiteSpace(user.Email))
        {
            return false;
        }

        if (!user.EmailConfirmed)
        {
            var confirmed = await users.ConfirmEmailAsync(user, code ?? "");
            if (!confirmed.Succeeded)
            {
                return false;
            }
        }

        await claims.ClaimExistingAsync(user.Id, user.Email);
        return true;
    }

    private async Task SendConfirmationAsync(AppUser user, Uri requestBase)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = new Uri(BaseOf(requestBase), string.Create(CultureInfo.InvariantCulture, $"eposta-onayla?kullanici={user.Id}&kod={Uri.EscapeDataString(token)}"));
        await QueueAsync(user, "Destek hesabınızı onaylayın", $"""
            Sayın {user.FullName},

            Destek hesabınızı açtınız. Giriş yapabilmek için e-posta adresinizi onaylayın:

            {link}

            Bağlantı {accountOptions.Value.ConfirmLinkHours} saat geçerlidir. Onayladığınızda bu adresle açtığınız
            destek talepleri de hesabınızda görünür.
            Bu hesabı siz açmadıysanız bu e-postayı dikkate almayın.

            {mailOptions.Value.Signature}
            """);
    }

    private async Task QueueAsync(AppUser user, string subject, string body)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Set<OutboxMail>().Add(OutboxMail.Create(ConfirmKind, null, user.Email!, user.FullName, subject, body, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    private Uri BaseOf(Uri requestBase) => accountOptions.Value.PublicUrl ?? requestBase;
}

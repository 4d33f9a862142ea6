using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Destek.Tests.Account.AccountKit;

namespace Destek.Tests.Account;

/// <summary>The app on a fake clock, for the reset link's lifetime.</summary>
public sealed class FakeClockAppFactory : DestekAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A reset link works for 30 minutes (Destek:Accounts:ResetLinkMinutes), not after.</summary>
public sealed class PasswordResetExpiry(FakeClockAppFactory factory) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task LinkExpiresAfterThirtyMinutes()
    {
        var (_, email) = await NewUserAsync(factory);
        var expired = await PasswordReset.RequestLinkAsync(factory, email);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        var refused = await PasswordReset.SubmitNewPasswordAsync(NewBrowser(factory), expired, PasswordReset.NewPassword);
        Assert.Contains("Bağlantı geçersiz ya da süresi dolmuş; yeni bir bağlantı isteyin.", await AlertsAsync(refused));

        var fresh = await PasswordReset.RequestLinkAsync(factory, email);
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        var accepted = await PasswordReset.SubmitNewPasswordAsync(NewBrowser(factory), fresh, PasswordReset.NewPassword);
        Assert.Contains("Şifreniz değiştirildi.", await TextAsync(accepted), StringComparison.Ordinal);
    }
}

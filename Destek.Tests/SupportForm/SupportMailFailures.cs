using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Destek.Core.Data;
using Destek.Core.Mail;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>A clock the test moves forward, so backoff delays pass without waiting.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>The app with SMTP pointed at a loopback port nobody listens on.</summary>
public sealed class DeadSmtpAppFactory : DestekAppFactory
{
    public ShiftableClock Clock { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Destek:Mail:Smtp:Host"] = "127.0.0.1",
        ["Destek:Mail:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Destek:Mail:Smtp:TimeoutSeconds"] = "5",
        ["Destek:Mail:MaxAttempts"] = "3",
        ["Destek:Mail:BackoffSeconds"] = "60",
        // The job would race the test's own sending; the test drives the outbox itself.
        ["Destek:Mail:PollSeconds"] = "3600",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A failed send never loses or blocks the ticket; it is retried with backoff, then marked failed for admins.</summary>
[Trait("Category", "Integration")]
public sealed partial class SupportMailFailures(DeadSmtpAppFactory factory) : IClassFixture<DeadSmtpAppFactory>
{
    [Fact]
    public async Task ADeadServerDelaysTheMailWithBackoffThenMarksItFailedAndAdminsCanRetry()
    {
        var number = await CreateTicketAsync(factory);
        var ticket = await TicketAsync(factory, number);
        var outbox = factory.Services.GetRequiredService<MailOutboxProcessor>();

        // Let the job's start-up pass finish, then count attempts from here.
        await outbox.SendDueAsync();
        var mail = Assert.Single(await MailsForAsync(factory, ticket.Id));
        Assert.Equal(OutboxMailStatus.Pending, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.NotNull(mail.LastError);
        var firstDelay = mail.NextAttemptAt - mail.LastAttemptAt!.Value;
        Assert.Equal(TimeSpan.FromSeconds(60), firstDelay);

        // Not due yet: nothing happens.
        await outbox.SendDueAsync();
        Assert.Equal(1, Assert.Single(await MailsForAsync(factory, ticket.Id)).Attempts);

        factory.Clock.Offset += TimeSpan.FromSeconds(61);
        await outbox.SendDueAsync();
        mail = Assert.Single(await MailsForAsync(factory, ticket.Id));
        Assert.Equal(2, mail.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(120), mail.NextAttemptAt - mail.LastAttemptAt!.Value);

        factory.Clock.Offset += TimeSpan.FromSeconds(121);
        await outbox.SendDueAsync();
        mail = Assert.Single(await MailsForAsync(factory, ticket.Id));
        Assert.Equal(3, mail.Attempts);
        Assert.Equal(OutboxMailStatus.Failed, mail.Status);

        // The ticket is untouched and still answers.
        Assert.Equal(number, (await TicketAsync(factory, number)).Number);

        // Ayarlar → E-postalar lists it as failed with a retry button that works.
        using var admin = await SignedInClientAsync(factory, DemoSeeder.AdminEmail);
        var page = await admin.GetStringAsync(new Uri("/ayarlar/e-postalar?durum=basarisiz", UriKind.Relative));
        Assert.Contains(mail.Subject, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Başarısız", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains($"name=\"MailId\" value=\"{mail.Id}\"", page, StringComparison.Ordinal);
        var token = RetryFormToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "retry",
            ["__RequestVerificationToken"] = token,
            ["MailId"] = mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var retried = await admin.PostAsync(new Uri("/ayarlar/e-postalar?durum=basarisiz", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains("yeniden gönderim sırasına alındı", WebUtility.HtmlDecode(await retried.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        mail = Assert.Single(await MailsForAsync(factory, ticket.Id));
        Assert.Equal(OutboxMailStatus.Pending, mail.Status);
        Assert.Equal(0, mail.Attempts);
    }

    [Fact]
    public void BackoffDoublesFromItsBaseUpToAnHour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), MailOutboxProcessor.Backoff(1, 30));
        Assert.Equal(TimeSpan.FromSeconds(60), MailOutboxProcessor.Backoff(2, 30));
        Assert.Equal(TimeSpan.FromSeconds(240), MailOutboxProcessor.Backoff(4, 30));
        Assert.Equal(TimeSpan.FromHours(1), MailOutboxProcessor.Backoff(20, 30));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"_handler\" value=\"retry\" /><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex RetryFormToken();
}

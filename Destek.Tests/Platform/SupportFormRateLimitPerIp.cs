using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.Platform;

/// <summary>
/// Anonymous ticket creation (the /destek page and POST /api/support/tickets/) shares one budget per
/// client IP: 10 a minute and 100 an hour. The windows run on the test's clock, so a minute never
/// turns over in the middle of a test.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SupportFormRateLimitPerIp(PlatformAppFactory factory) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task LimitsAnonymousCreationToTenAMinutePerIp()
    {
        var now = factory.Clock.GetUtcNow();
        var minuteEnds = now.AddSeconds(60 - now.Second);
        using var client = ClientFromOwnIp(factory);
        var invalid = new Dictionary<string, string> { ["name"] = "x" };
        for (var i = 0; i < 10; i++)
        {
            var allowed = await PostFormAsync(client, invalid);
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
            Assert.Equal("10", allowed.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((9 - i).ToString(CultureInfo.InvariantCulture), allowed.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.Equal(Unix(minuteEnds), allowed.Headers.GetValues("X-RateLimit-Reset").Single());
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var limited = await PostFormAsync(client, ValidFields());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(minuteEnds - factory.Clock.GetUtcNow(), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("rate_limited", (await JsonAsync(limited)).GetProperty("code").GetString());

        using var other = ClientFromOwnIp(factory);
        Assert.Equal(HttpStatusCode.Created, (await PostFormAsync(other, ValidFields())).StatusCode);

        factory.Clock.SetUtcNow(minuteEnds);
        var nextMinute = await PostFormAsync(client, ValidFields());
        Assert.Equal(HttpStatusCode.Created, nextMinute.StatusCode);
        Assert.Equal("9", nextMinute.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task LimitsAnonymousCreationToAHundredAnHourPerIp()
    {
        var now = factory.Clock.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        factory.Clock.SetUtcNow(hour);
        using var client = ClientFromOwnIp(factory);
        var invalid = new Dictionary<string, string> { ["name"] = "x" };
        for (var minute = 0; minute < 10; minute++)
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(client, invalid)).StatusCode);
            }

            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var limited = await PostFormAsync(client, ValidFields());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(50), limited.Headers.RetryAfter?.Delta);

        factory.Clock.SetUtcNow(hour.AddHours(1));
        Assert.Equal(HttpStatusCode.Created, (await PostFormAsync(client, ValidFields())).StatusCode);
    }

    [Fact]
    public async Task TheFormPageAndTheApiShareOneBudgetPerIp()
    {
        using var client = ClientFromOwnIp(factory);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(client, new Dictionary<string, string>())).StatusCode);
        }

        var html = await client.GetStringAsync(new Uri("/destek", UriKind.Relative));
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        FormUrlEncodedContent PageForm() => new(new Dictionary<string, string>
        {
            ["_handler"] = "destek",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Sayfa Gönderen",
            ["Input.Email"] = "sayfa@example.com",
            ["Input.Subject"] = "Diğer",
            ["Input.Message"] = "Sayfadan gönderilen onuncu talep.",
        });
        var before = await TicketCountAsync(factory);
        var tenth = await client.PostAsync(new Uri("/destek", UriKind.Relative), PageForm());
        Assert.Equal(HttpStatusCode.OK, tenth.StatusCode);
        Assert.Matches(@"SUP-\d{4}-\d{6}", await tenth.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await TicketCountAsync(factory));

        var eleventh = await client.PostAsync(new Uri("/destek", UriKind.Relative), PageForm());
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Contains("çok fazla talep", WebUtility.HtmlDecode(await eleventh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before + 1, await TicketCountAsync(factory));
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

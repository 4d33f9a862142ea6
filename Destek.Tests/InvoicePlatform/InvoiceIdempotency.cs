using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.InvoicePlatform;

/// <summary>seed-001: X-Idempotency-Key is required on writes; a repeat answers the first answer; another body with the key is a conflict.</summary>
[Trait("Category", "Integration")]
public sealed class InvoiceIdempotency(InvoicePlatformFactory app) : IClassFixture<InvoicePlatformFactory>
{
    [Fact]
    public async Task SameKeyAndBodyAnswersTheFirstAnswerAndMakesOneInvoice()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: false));

        var first = await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(), "same-key");
        var again = await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(), "same-key");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.CustomerOrganizationId == org)));
    }

    [Fact]
    public async Task ConcurrentCreatesMakeOneInvoicePerKeyAndGiveEveryRequestOfAKeyTheSameAnswer()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: false));

        // 40 distinct keys and 8 requests sharing one key, all at once, so they meet in the same group commits.
        var distinct = Enumerable.Range(0, 40).Select(i => InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(quantity: i + 1), $"many-{i}"));
        var shared = Enumerable.Range(0, 8).Select(_ => InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(quantity: 99), "one-key"));
        var answers = await Task.WhenAll(distinct.Concat(shared));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        var sharedBodies = await Task.WhenAll(answers.Skip(40).Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(sharedBodies.Distinct());
        Assert.Single(answers.Skip(40), a => !a.Headers.Contains("Idempotent-Replayed"));
        var ids = await Task.WhenAll(answers.Take(40).Select(async a => (await InvoicePlatformFactory.JsonAsync(a)).GetProperty("id").GetString()));
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(41, await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.CustomerOrganizationId == org)));
        var numbers = await app.WithDbAsync(db => db.Invoices.Where(i => i.CustomerOrganizationId == org).Select(i => i.Number).ToListAsync());
        Assert.Equal(41, numbers.Distinct().Count());
    }

    [Fact]
    public async Task ARefusedBodyIsRefusedAgainWithTheSameKeyAndWritesNothing()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: false));
        var invalid = InvoicePlatformFactory.Body().Replace("\"items\"", "\"itemz\"", StringComparison.Ordinal);

        var first = await InvoicePlatformFactory.CreateAsync(http, invalid, "bad-body");
        var again = await InvoicePlatformFactory.CreateAsync(http, invalid, "bad-body");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.CustomerOrganizationId == org)));
    }

    [Fact]
    public async Task SameKeyWithAnotherBodyIsConflictNamingTheHeader()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: false));
        Assert.Equal(HttpStatusCode.Accepted, (await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(quantity: 1), "k-1")).StatusCode);

        var other = await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(quantity: 3), "k-1");

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var body = await InvoicePlatformFactory.JsonAsync(other);
        Assert.Equal("conflict", body.GetProperty("code").GetString());
        Assert.Equal("X-Idempotency-Key", body.GetProperty("details").GetProperty("field").GetString());
        Assert.Equal(other.Headers.GetValues("X-Request-Id").Single(), body.GetProperty("requestId").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.CustomerOrganizationId == org)));
    }

    [Fact]
    public async Task MissingKeyIsInvalidRequestNamingTheHeaderAndSavesNothing()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));

        var response = await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(), idempotencyKey: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await InvoicePlatformFactory.JsonAsync(response);
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        Assert.Equal("X-Idempotency-Key", body.GetProperty("details").GetProperty("field").GetString());
        Assert.Contains("X-Idempotency-Key", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.CustomerOrganizationId == org)));
    }

    [Fact]
    public async Task KeysAreKeptPerOrganizationAndMode()
    {
        var org = await app.NewOrganizationAsync();
        var other = await app.NewOrganizationAsync();
        using var live = app.ClientWith(await app.KeyAsync(org, sandbox: false));
        using var test = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        using var stranger = app.ClientWith(await app.KeyAsync(other, sandbox: false));

        var a = await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(live, InvoicePlatformFactory.Body(), "shared"));
        var b = await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(test, InvoicePlatformFactory.Body(), "shared"));
        var c = await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(stranger, InvoicePlatformFactory.Body(), "shared"));

        Assert.Equal(3, new[] { a, b, c }.Select(x => x.GetProperty("id").GetString()).Distinct().Count());
        Assert.False(a.GetProperty("sandbox").GetBoolean());
        Assert.True(b.GetProperty("sandbox").GetBoolean());
    }

    [Fact]
    public async Task CancelNeedsAKeyToo()
    {
        var org = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        var id = (await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(http, InvoicePlatformFactory.Body(), "c-1"))).GetProperty("id").GetString();

        var response = await http.PostAsync(new Uri($"/v1/invoices/{id}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("X-Idempotency-Key", (await InvoicePlatformFactory.JsonAsync(response)).GetProperty("details").GetProperty("field").GetString());
    }
}

using System.Net;
using Destek.Core.Invoices;

namespace Destek.Tests.InvoicePlatform;

/// <summary>Cursor pages (seed-001): keyset on (created, id), stable under concurrent inserts, opaque and tamper-evident.</summary>
[Trait("Category", "Integration")]
public sealed class InvoiceCursorPaging(InvoicePlatformFactory app) : IClassFixture<InvoicePlatformFactory>
{
    [Fact]
    public async Task TenThousandInvoicesWithConcurrentInsertsAreEachSeenExactlyOnce()
    {
        var org = await app.NewOrganizationAsync();
        var seeded = await SeedAsync(org, 10_000);
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        await app.Get<Core.Access.OrganizationKeyAdmin>().SetRateLimitAsync(org, 100_000);

        using var stop = new CancellationTokenSource();
        var scope = new PlatformScope(org, IsSandbox: true);
        var inserted = new List<Guid>();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var invoice = await app.Get<InvoicePlatformService>().CreateAsync(scope, Sample(), CancellationToken.None);
                inserted.Add(invoice.Ettn);
            }
        });

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var uri = "/v1/invoices?page[limit]=100" + (cursor is null ? "" : "&page[after]=" + Uri.EscapeDataString(cursor));
            var response = await http.GetAsync(new Uri(uri, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var data = (await InvoicePlatformFactory.JsonAsync(response)).GetProperty("data");
            seen.AddRange(data.EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = response.Headers.TryGetValues("X-Next-Cursor", out var next) ? next.Single() : null;
            pages++;
        }
        while (cursor is not null);

        await stop.CancelAsync();
        await writer;

        Assert.True(inserted.Count > 0, "the writer made no invoice while the pages were read");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(seeded.Select(g => g.ToString("D")).Except(seen));
        Assert.InRange(pages, 100, 101 + (inserted.Count / 100) + 1);
    }

    [Fact]
    public async Task TamperedOrForeignCursorsAndBadLimitsAre400()
    {
        var org = await app.NewOrganizationAsync();
        await SeedAsync(org, 5);
        var live = await app.NewOrganizationAsync();
        using var http = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        using var other = app.ClientWith(await app.KeyAsync(live, sandbox: true));
        using var sameOrgLive = app.ClientWith(await app.KeyAsync(org, sandbox: false));

        var first = await http.GetAsync(new Uri("/v1/invoices?page[limit]=2", UriKind.Relative));
        Assert.Equal(2, (await InvoicePlatformFactory.JsonAsync(first)).GetProperty("data").GetArrayLength());
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        var tampered = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];

        foreach (var (client, uri, field) in new[]
        {
            (http, "/v1/invoices?page[after]=" + Uri.EscapeDataString(tampered), "page[after]"),
            (http, "/v1/invoices?page[after]=bm90LWEtY3Vyc29y", "page[after]"),
            (other, "/v1/invoices?page[after]=" + Uri.EscapeDataString(cursor), "page[after]"),
            (sameOrgLive, "/v1/invoices?page[after]=" + Uri.EscapeDataString(cursor), "page[after]"),
            (http, "/v1/invoices?page[limit]=0", "page[limit]"),
            (http, "/v1/invoices?page[limit]=101", "page[limit]"),
            (http, "/v1/invoices?page[limit]=abc", "page[limit]"),
        })
        {
            var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await InvoicePlatformFactory.JsonAsync(response);
            Assert.Equal("invalid_request", body.GetProperty("code").GetString());
            Assert.Equal(field, body.GetProperty("details").GetProperty("field").GetString());
        }

        var second = await http.GetAsync(new Uri("/v1/invoices?page[limit]=2&page[after]=" + Uri.EscapeDataString(cursor), UriKind.Relative));
        Assert.Equal(2, (await InvoicePlatformFactory.JsonAsync(second)).GetProperty("data").GetArrayLength());
        var last = await http.GetAsync(new Uri("/v1/invoices?page[limit]=2&page[after]=" + Uri.EscapeDataString(second.Headers.GetValues("X-Next-Cursor").Single()), UriKind.Relative));
        Assert.Equal(1, (await InvoicePlatformFactory.JsonAsync(last)).GetProperty("data").GetArrayLength());
        Assert.False(last.Headers.Contains("X-Next-Cursor"));
        Assert.Equal(20, (await InvoicePlatformFactory.JsonAsync(await http.GetAsync(new Uri("/v1/invoices", UriKind.Relative)))).GetProperty("data").GetArrayLength() + 15);
    }

    /// <summary>Bulk insert in one save: ten invoices share each second, so ties on created are broken by id.</summary>
    private async Task<List<Guid>> SeedAsync(int organizationId, int count)
    {
        var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(-2);
        var invoices = new List<Invoice>(count);
        for (var i = 0; i < count; i++)
        {
            var invoice = Invoice.Create(Sample(organizationId), start.AddSeconds(i / 10));
            invoice.Queue(start.AddSeconds(i / 10));
            invoices.Add(invoice);
        }

        await app.WithDbAsync(async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var n = 0;
            foreach (var invoice in invoices)
            {
                db.Add(invoice);
                db.Entry(invoice).Property(x => x.Number).CurrentValue = $"TEST-SEED-{organizationId}-{n++:D6}";
            }

            return await db.SaveChangesAsync();
        });
        return invoices.Select(i => i.Ettn).ToList();
    }

    private static NewInvoice Sample(int organizationId = 0) =>
        new(organizationId, InvoiceType.Sale, null, null, "Toplu Alıcı", "toplu@ornek.com.tr", null, InvoicePlatformFactory.Vkn(7),
            [new NewInvoiceItem("S-1", "Ürün", 1m, 10m, 20m)], BuyerAddress: "İzmir", IsSandbox: true);
}

using System.Net;
using Destek.Core.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.InvoicePlatform;

/// <summary>Test keys see only sandbox invoices and live keys only production ones; sandbox invoices have their own numbers and never reach a real provider.</summary>
[Trait("Category", "Integration")]
public sealed class SandboxIsolation(InvoicePlatformFactory app) : IClassFixture<InvoicePlatformFactory>
{
    [Fact]
    public async Task TestKeysNeverSeeProductionDataAndViceVersa()
    {
        var org = await app.NewOrganizationAsync();
        using var live = app.ClientWith(await app.KeyAsync(org, sandbox: false));
        using var test = app.ClientWith(await app.KeyAsync(org, sandbox: true));
        var liveInvoice = await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(live, InvoicePlatformFactory.Body("Canlı Alıcı"), "x"));
        var testInvoice = await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(test, InvoicePlatformFactory.Body("Test Alıcı"), "y"));
        var liveId = liveInvoice.GetProperty("id").GetString()!;
        var testId = testInvoice.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await test.GetAsync(new Uri("/v1/invoices/" + liveId, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await live.GetAsync(new Uri("/v1/invoices/" + testId, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await InvoicePlatformFactory.PostAsync(test, $"/v1/invoices/{liveId}/cancel", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await InvoicePlatformFactory.PostAsync(live, $"/v1/invoices/{testId}/cancel", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await InvoicePlatformFactory.PostAsync(test, $"/v1/sandbox/invoices/{liveId}/simulate", """{"status":"sent"}""")).StatusCode);

        var testList = await InvoicePlatformFactory.JsonAsync(await test.GetAsync(new Uri("/v1/invoices", UriKind.Relative)));
        var liveList = await InvoicePlatformFactory.JsonAsync(await live.GetAsync(new Uri("/v1/invoices", UriKind.Relative)));
        Assert.Equal([testId], testList.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray());
        Assert.Equal([liveId], liveList.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray());

        Assert.StartsWith("TEST-", testInvoice.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("EA-", liveInvoice.GetProperty("number").GetString(), StringComparison.Ordinal);

        // Production queries (e-invoice API, desk, counts) never see the sandbox invoice.
        var ettn = Guid.Parse(testId!);
        Assert.False(await app.WithDbAsync(db => db.Invoices.AnyAsync(i => i.Ettn == ettn)));
        Assert.True(await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().AnyAsync(i => i.Ettn == ettn)));
    }

    [Fact]
    public async Task LiveKeysCannotSimulateAndLiveInvoicesWaitForTheManualProvider()
    {
        var org = await app.NewOrganizationAsync();
        using var live = app.ClientWith(await app.KeyAsync(org, sandbox: false));
        var id = (await InvoicePlatformFactory.JsonAsync(await InvoicePlatformFactory.CreateAsync(live, InvoicePlatformFactory.Body(), "m"))).GetProperty("id").GetString()!;

        var simulate = await InvoicePlatformFactory.PostAsync(live, $"/v1/sandbox/invoices/{id}/simulate", """{"status":"sent"}""");
        Assert.Equal(HttpStatusCode.Forbidden, simulate.StatusCode);
        Assert.Equal("forbidden", (await InvoicePlatformFactory.JsonAsync(simulate)).GetProperty("code").GetString());

        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunProvidersAsync();
        var invoice = await app.Get<InvoicePlatformService>().GetManualAsync(Guid.Parse(id));
        Assert.Equal(InvoiceStatus.Queued, invoice!.Status);
        Assert.Equal(ManualInvoiceProvider.ProviderName, invoice.Provider);

        var sent = await app.Get<InvoicePlatformService>().RecordManualAsync(Guid.Parse(id), ProviderAnswer.Sent, null);
        Assert.Equal(PlatformOutcome.Done, sent.Outcome);
        var now = await InvoicePlatformFactory.JsonAsync(await live.GetAsync(new Uri("/v1/invoices/" + id, UriKind.Relative)));
        Assert.Equal("sent", now.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await live.GetAsync(new Uri($"/v1/invoices/{id}/pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(PlatformOutcome.NotAllowed, (await app.Get<InvoicePlatformService>().RecordManualAsync(Guid.Parse(id), ProviderAnswer.Failed, "geç")).Outcome);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAndItsLastUseIsShown()
    {
        var org = await app.NewOrganizationAsync();
        var admin = app.Get<Core.Access.OrganizationKeyAdmin>();
        var created = await admin.CreateAsync(org, sandbox: true, "CI");
        using var http = app.ClientWith(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/v1/invoices", UriKind.Relative))).StatusCode);
        var listed = Assert.Single(await admin.ListAsync(org));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, listed.LastUsedAt!.Value, TimeSpan.FromSeconds(1));
        Assert.StartsWith("test_", listed.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Key, await app.WithDbAsync(db => db.Set<Core.Access.OrganizationKey>().Select(k => k.KeyHash).ToListAsync()));

        await admin.RevokeAsync(created.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/v1/invoices", UriKind.Relative))).StatusCode);
    }
}

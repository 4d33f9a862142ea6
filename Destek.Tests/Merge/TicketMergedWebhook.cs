using System.Net.Http.Json;
using System.Text.Json;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Merge;

/// <summary>A merge reaches an external API client's receiver as ticket.merged for both of its tickets.</summary>
[Trait("Category", "Integration")]
public sealed class TicketMergedWebhook(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>, IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task TheReceiverHearsTicketMergedForBothTicketsAndTheApiShowsTheMergedOneClosed()
    {
        var (client, http) = await app.NewClientAsync("CRM");
        await app.Get<WebhookAdmin>().CreateAsync(client.Id, _receiver.Url, [TicketEvent.Closed, TicketEvent.Merged], "whsec_merge_secret_0123456789abcdef");
        async Task<int> CreateAsync(string title) => (await ExternalApiFactory.JsonAsync(await ExternalApiFactory.CreateTicketAsync(http,
            new { title, description = "Açıklama", requester_email = "musteri@firma.com", requester_name = "Müşteri" }))).GetProperty("id").GetInt32();
        var merged = await CreateAsync("İlk talep");
        var survivor = await CreateAsync("İkinci talep");
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync());
        var admin = (await app.Get<StaffDirectory>().FindAsync(adminId))!;

        await app.Get<TicketService>().MergeAsync(merged, survivor, Actor.Staff(admin));
        while (await app.Get<WebhookDispatcher>().DeliverDueAsync() > 0)
        {
        }

        var received = _receiver.Received.Select(r => (r.Event, Body: JsonDocument.Parse(r.Body).RootElement)).ToList();
        Assert.Equal(["ticket.closed", "ticket.merged"], received.Where(r => r.Body.GetProperty("ticket_id").GetInt32() == merged).Select(r => r.Event).ToArray());
        var onMerged = received.Single(r => r.Event == "ticket.merged" && r.Body.GetProperty("ticket_id").GetInt32() == merged).Body;
        Assert.Equal("closed", onMerged.GetProperty("ticket").GetProperty("status").GetString());
        Assert.Equal(survivor, onMerged.GetProperty("changes").GetProperty("surviving_ticket_id").GetInt32());
        var onSurvivor = received.Single(r => r.Body.GetProperty("ticket_id").GetInt32() == survivor).Body;
        Assert.Equal("ticket.merged", onSurvivor.GetProperty("event").GetString());
        Assert.Equal(merged, onSurvivor.GetProperty("changes").GetProperty("merged_ticket_id").GetInt32());

        var shown = await http.GetFromJsonAsync<JsonElement>($"/api/external/tickets/{merged}");
        Assert.Equal("closed", shown.GetProperty("status").GetString());
    }
}

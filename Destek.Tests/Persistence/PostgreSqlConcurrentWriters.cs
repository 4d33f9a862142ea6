using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Destek.Core.ExternalApi;
using Destek.Core.Tickets;
using Destek.Core.Webhooks;
using Destek.Tests.ExternalApi;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Persistence;

/// <summary>
/// Two app instances (two nodes, each with its own group-commit queue) on one PostgreSQL database.
/// Needs the server in DESTEK_TEST_PG whatever DESTEK_TEST_PROVIDER says; ./test.sh provides one.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class PostgreSqlConcurrentWriters : IDisposable
{
    private readonly NodeApp _first;
    private readonly NodeApp _second;

    public PostgreSqlConcurrentWriters()
    {
        var database = TestDatabase.CreatePostgreSql("destek_nodes_" + Guid.NewGuid().ToString("N"));
        _first = new NodeApp(database);
        _second = new NodeApp(database);
    }

    [Fact]
    public async Task CreatesOnTwoNodesGetDistinctConsecutiveNumbers()
    {
        // One node migrates and seeds first, as a rolling start would; the second finds it all done.
        var department = await _first.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());
        var before = await _second.WithDbAsync(db => db.Tickets.CountAsync());

        var created = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
        {
            var node = i % 2 == 0 ? _first : _second;
            var tickets = node.Services.GetRequiredService<TicketService>();
            return Task.Run(() => tickets.CreateAsync(new NewTicket
            {
                Title = $"Düğüm {i % 2 + 1} talep {i}", Description = "Eşzamanlı", DepartmentId = department, Source = TicketSource.Api, RequesterName = "ERP",
            }, Actor.System));
        }));

        var numbers = created.Select(t => t.Number).ToList();
        Assert.Equal(60, numbers.Distinct().Count());
        var values = numbers.Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(59, values[^1] - values[0]);
        Assert.Equal(before + 60, await _first.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(60, await _first.WithDbAsync(db => db.Tickets.Where(t => numbers.Contains(t.Number)).Select(t => t.Number).Distinct().CountAsync()));
    }

    [Fact]
    public async Task EachWebhookDeliveryIsSentByOneNodeOnly()
    {
        using var receiver = new WebhookReceiver();
        var client = await _first.Services.GetRequiredService<ApiClientAdmin>().CreateAsync("İki düğüm ERP", []);
        // Made on the node that creates the tickets: another node may keep its subscription list for
        // up to 10 s (the memory cache), which is not what this test is about.
        await _second.Services.GetRequiredService<WebhookAdmin>().CreateAsync(client.Id, receiver.Url, ["ticket.created"], maxAttempts: 20, retryDelaySeconds: 1);
        using var http = _second.CreateClient();
        http.DefaultRequestHeaders.Add("X-API-Key", client.ApiKey);
        http.DefaultRequestHeaders.Add("X-API-Secret", client.ApiSecret);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/external/tickets", new { title = $"Webhook {i}", description = "d" })).StatusCode);
        }

        // Both nodes drain the same outbox at once, as their delivery jobs would, until everything is
        // out (a send that fails on a loaded machine is retried a second later, by either node).
        var first = _first.Services.GetRequiredService<WebhookDispatcher>();
        var second = _second.Services.GetRequiredService<WebhookDispatcher>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.WhenAll(Task.Run(() => first.DeliverDueAsync(batchSize: 100)), Task.Run(() => second.DeliverDueAsync(batchSize: 100)));
        }
        while (DistinctTickets(receiver) < 30 && DateTime.UtcNow < deadline && await Pause());

        var tickets = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ticket_id").GetInt32()).ToList();
        Assert.Equal(30, tickets.Distinct().Count());
        Assert.Equal(30, tickets.Count); // none twice: a claim is a database update, so one node wins it
    }

    private static int DistinctTickets(WebhookReceiver receiver) =>
        receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ticket_id").GetInt32()).Distinct().Count();

    private static async Task<bool> Pause()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return true;
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private sealed class NodeApp(string connectionString) : DestekAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Destek:DatabaseProvider"] = "PostgreSQL",
            ["Destek:ConnectionString"] = connectionString,
            ["Destek:Webhooks:DeliveryJobEnabled"] = "false",
        };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                TestDatabase.DropPostgreSql(connectionString);
            }
        }
    }
}

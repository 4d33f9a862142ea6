using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Destek.Tests.Services;

/// <summary>The group commit runs as a hosted service: stopping it commits everything already queued, then refuses new creates.</summary>
public sealed class TicketCreateQueueShutdown(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public void TheHostRunsTheQueueItsServicesUse()
    {
        var queue = factory.Services.GetRequiredService<TicketCreateQueue>();
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => ReferenceEquals(s, queue));
    }

    [Fact]
    public async Task StoppingCommitsEveryQueuedCreateBeforeItReturns()
    {
        var department = await DefaultDepartmentAsync();
        var queue = NewQueue();
        await queue.StartAsync(CancellationToken.None);

        // Queued faster than one batch (64) is saved, so most are still waiting when the stop begins.
        var creates = Enumerable.Range(0, 300).Select(i => queue.CreateAsync(Data(department, $"Kapanış {i}"), Actor.System)).ToList();
        await queue.StopAsync(CancellationToken.None);

        Assert.All(creates, c => Assert.True(c.IsCompletedSuccessfully, $"create ended as {c.Status}"));
        var ids = creates.Select(c => c.Result.Id).ToList();
        var saved = await factory.WithDbAsync(db => db.Tickets.Where(t => ids.Contains(t.Id)).Select(t => new { t.Title, t.Number }).ToListAsync());
        Assert.Equal(300, saved.Count);
        Assert.Equal(300, saved.Select(t => t.Number).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"Kapanış {i}").Order(), saved.Select(t => t.Title).Order());
    }

    [Fact]
    public async Task StoppingTheMomentItStartedStillCommitsWhatWasQueued()
    {
        var department = await DefaultDepartmentAsync();
        for (var i = 0; i < 20; i++)
        {
            // The loop may not have begun to run yet when the stop comes.
            var queue = NewQueue();
            await queue.StartAsync(CancellationToken.None);
            var create = queue.CreateAsync(Data(department, $"Hemen durdurulan {i}"), Actor.System);
            await queue.StopAsync(CancellationToken.None);
            Assert.True(create.IsCompletedSuccessfully, $"round {i}: create ended as {create.Status}");
        }
    }

    [Fact]
    public async Task ACreateAfterTheStopGetsAnErrorAndSavesNothing()
    {
        var department = await DefaultDepartmentAsync();
        var queue = NewQueue();
        await queue.StartAsync(CancellationToken.None);
        await queue.StopAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<TicketCreateQueueClosedException>(() => queue.CreateAsync(Data(department, "Geç kalan"), Actor.System));
        Assert.Contains("Sunucu kapanıyor", refused.Message, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Title == "Geç kalan")));
    }

    [Fact]
    public async Task WithoutARunningHostACreateIsSavedOnItsOwn()
    {
        var department = await DefaultDepartmentAsync();
        var ticket = await NewQueue().CreateAsync(Data(department, "Komut satırından"), Actor.System).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, ticket.Id);
        Assert.Equal(ticket.Number, await factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.Number).SingleAsync()));
    }

    private TicketCreateQueue NewQueue() => new(factory.Services.GetRequiredService<IDbContextFactory<DestekDbContext>>(), TimeProvider.System, NullLogger<TicketCreateQueue>.Instance);

    private Task<int> DefaultDepartmentAsync() => factory.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());

    private static NewTicket Data(int department, string title) => new()
    {
        Title = title, Description = "Açıklama", DepartmentId = department, Source = TicketSource.Agent, RequesterName = "Test",
    };
}

/// <summary>A create that reaches a host whose group commit has stopped answers 503 JSON with Retry-After, not 500.</summary>
public sealed class TicketCreateQueueShutdownOnTheApis
{
    [Fact]
    public async Task TheExternalApiAnswers503JsonWithCodeAndRequestId()
    {
        await using var app = new Destek.Tests.ExternalApi.ExternalApiFactory();
        var (_, http) = await app.NewClientAsync();
        await app.Get<TicketCreateQueue>().StopAsync(CancellationToken.None);

        var response = await Destek.Tests.ExternalApi.ExternalApiFactory.CreateTicketAsync(http, new { title = "Kapanırken", description = "d" });

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType?.Replace("problem+", "", StringComparison.Ordinal));
        Assert.NotNull(response.Headers.RetryAfter);
        var body = await Destek.Tests.ExternalApi.ExternalApiFactory.JsonAsync(response);
        Assert.Equal("service_unavailable", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("requestId").GetString()));
        Assert.Contains("Sunucu kapanıyor", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Title == "Kapanırken")));
    }
}

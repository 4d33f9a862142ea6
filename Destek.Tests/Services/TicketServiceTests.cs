using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Services;

/// <summary>A factory whose event handler can be told to fail, to prove saves are all-or-nothing.</summary>
public sealed class FailingHandlerAppFactory : DestekAppFactory
{
    public FailableHandler Handler { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ITicketEventHandler>(Handler));
    }

    public sealed class FailableHandler : ITicketEventHandler
    {
        public bool Fail { get; set; }
        public ConcurrentQueue<string> Seen { get; } = new();

        public Task HandleAsync(ITicketEventSink sink, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
        {
            foreach (var e in events)
            {
                Assert.NotEqual(0, e.Ticket.Id);
                Seen.Enqueue($"{e.Type}#{e.Ticket.Id}");
            }

            return Fail ? throw new InvalidOperationException("outbox unavailable") : Task.CompletedTask;
        }
    }
}

[Trait("Category", "Integration")]
public sealed class TicketCreate(FailingHandlerAppFactory factory) : IClassFixture<FailingHandlerAppFactory>
{
    private TicketService Tickets => factory.Services.GetRequiredService<TicketService>();

    private async Task<int> DefaultDepartmentAsync() =>
        await factory.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());

    private static NewTicket Data(int department, string title) => new()
    {
        Title = title, Description = "Açıklama", DepartmentId = department, Source = TicketSource.Api, RequesterName = "ERP",
    };

    [Fact]
    public async Task ConcurrentCreatesGetDistinctSequentialNumbers()
    {
        var department = await DefaultDepartmentAsync();
        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => Tickets.CreateAsync(Data(department, $"Eşzamanlı {i}"), Actor.System))));

        var numbers = created.Select(t => t.Number).ToList();
        Assert.Equal(40, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^SUP-\d{4}-\d{6}$", n));
        var values = numbers.Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(values.Count - 1, values[^1] - values[0]);
    }

    [Fact]
    public async Task HandlersSeeTheTicketIdAndAFailingHandlerSavesNothing()
    {
        var department = await DefaultDepartmentAsync();
        var title = $"Geri alınacak {Guid.NewGuid():N}";
        factory.Handler.Fail = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Tickets.CreateAsync(Data(department, title), Actor.System));
        }
        finally
        {
            factory.Handler.Fail = false;
        }

        Assert.False(await factory.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Title == title)));
        var kept = await Tickets.CreateAsync(Data(department, title), Actor.System);
        Assert.Contains($"{TicketEvent.Created}#{kept.Id}", factory.Handler.Seen);
    }

    [Fact]
    public async Task AgentCannotTouchTicketsOutsideTheirDepartments()
    {
        var (agentId, foreignTicket) = await factory.WithDbAsync(async db =>
        {
            var agent = await db.Users.Include(u => u.Departments).SingleAsync(u => u.Email == DemoSeeder.AgentEmail);
            var departments = agent.Departments.Select(d => d.DepartmentId).ToList();
            var ticket = await db.Tickets.FirstAsync(t => !departments.Contains(t.DepartmentId));
            return (agent.Id, ticket.Id);
        });
        var agent = (await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(agentId))!;

        await Assert.ThrowsAsync<TicketNotFoundException>(() => Tickets.ReplyAsync(foreignTicket, "Merhaba", Actor.Staff(agent)));
        await Assert.ThrowsAsync<TicketNotFoundException>(() => Tickets.ChangeStatusAsync(foreignTicket, TicketStatus.Closed, Actor.Staff(agent)));
    }

    [Fact]
    public async Task LiveNotifierHearsCommittedChangesOnly()
    {
        var department = await DefaultDepartmentAsync();
        var ticket = await Tickets.CreateAsync(Data(department, "Canlı bildirim"), Actor.System);
        var heard = new TaskCompletionSource<TicketChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = factory.Services.GetRequiredService<ITicketChangeNotifier>().Subscribe(change =>
        {
            if (change.TicketId == ticket.Id)
            {
                heard.TrySetResult(change);
            }

            return Task.CompletedTask;
        });

        await Tickets.ChangePriorityAsync(ticket.Id, TicketPriority.Urgent, Actor.System);
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(TicketEvent.Updated, change.EventTypes);
    }
}

[Trait("Category", "Integration")]
public sealed class AttachmentDownload(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    /// <summary>The department only agent (of the two demo agents) works in.</summary>
    private const string ItOnlyDepartment = "Bilgi İşlem";

    [Fact]
    public async Task StaffOfTheDepartmentDownloadsWhatWasAttached()
    {
        var shared = await AttachOpenTicketFileAsync(ReferenceData.DefaultDepartment, "ortak.txt");
        var bytes = Encoding.UTF8.GetBytes("ekran görüntüsü yerine metin");
        var attachmentId = await AttachOpenTicketFileAsync(ItOnlyDepartment, "not.txt", bytes);

        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync(new Uri($"/masa/ekler/{attachmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        var client = await SignedInClientAsync(DemoSeeder.AgentEmail);
        var response = await client.GetAsync(new Uri($"/masa/ekler/{attachmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("not.txt", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        // agent2 works in Müşteri Hizmetleri and Muhasebe, not Bilgi İşlem: the shared file is theirs
        // (which also shows they are signed in), the Bilgi İşlem one does not exist for them.
        var outsider = await SignedInClientAsync(DemoSeeder.Agent2Email);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync(new Uri($"/masa/ekler/{shared}", UriKind.Relative))).StatusCode);
        var other = await outsider.GetAsync(new Uri($"/masa/ekler/{attachmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.NotEqual(bytes, await other.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Attaches a file, as agent, to an open ticket of the department; returns the attachment id.</summary>
    private async Task<int> AttachOpenTicketFileAsync(string department, string name, byte[]? bytes = null)
    {
        bytes ??= Encoding.UTF8.GetBytes(name);
        var (agentId, ticketId, agent2Sees) = await factory.WithDbAsync(async db =>
        {
            var agent = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AgentEmail);
            var ticket = await db.Tickets.FirstAsync(t => t.Department!.Name == department && t.Status != TicketStatus.Closed);
            var seen = await db.StaffDepartments.AnyAsync(s => s.User!.Email == DemoSeeder.Agent2Email && s.DepartmentId == ticket.DepartmentId);
            return (agent.Id, ticket.Id, seen);
        });
        Assert.Equal(department != ItOnlyDepartment, agent2Sees);
        var agent = (await factory.Services.GetRequiredService<StaffDirectory>().FindAsync(agentId))!;
        var message = await factory.Services.GetRequiredService<TicketService>().ReplyAsync(ticketId, "Dosya ekte.", Actor.Staff(agent),
            [new IncomingFile(name, "text/plain", bytes.Length, () => new MemoryStream(bytes))]);
        return await factory.WithDbAsync(db => db.TicketAttachments.Where(a => a.MessageId == message.Id).Select(a => a.Id).SingleAsync());
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/giris", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync(new Uri("/giris", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "giris",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = DestekAppFactory.Password,
        }));
        // A failed sign-in re-renders the form (200): only a redirect away from /giris is success.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("giris", response.Headers.Location?.OriginalString ?? "giris", StringComparison.Ordinal);
        return client;
    }
}

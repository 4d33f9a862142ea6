using Destek.Core.Data;
using Destek.Core.Notifications;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Destek.Tests.Notifications;

/// <summary>Notifications raised by ticket events in the save, counted, listed, read, and announced to the agent's pages.</summary>
[Trait("Category", "Integration")]
public sealed class DeskNotificationRaising(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private TicketService Tickets => app.Services.GetRequiredService<TicketService>();

    private DeskNotifications Notifications => app.Services.GetRequiredService<DeskNotifications>();

    private async Task<StaffMember> StaffAsync(string email)
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return await app.Services.GetRequiredService<StaffDirectory>().FindAsync(id) ?? throw new InvalidOperationException(email);
    }

    private async Task<Ticket> NewTicketAsync()
    {
        var department = await app.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());
        return await Tickets.CreateAsync(new NewTicket
        {
            Title = $"Bildirim denemesi {Guid.NewGuid():N}", Description = "Açıklama", DepartmentId = department, Source = TicketSource.WebForm,
            RequesterName = "Ahmet Yılmaz", RequesterEmail = "ahmet.bildirim@ornek.com.tr",
        }, Actor.System);
    }

    private Task<List<DeskNotification>> OfTicketAsync(int ticketId) =>
        app.WithDbAsync(db => db.Set<DeskNotification>().Where(n => n.TicketId == ticketId).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task AssigningToAColleagueNotifiesThemByName()
    {
        var mehmet = await StaffAsync(DemoSeeder.AgentEmail);
        var zeynep = await StaffAsync(DemoSeeder.Agent2Email);
        var ticket = await NewTicketAsync();

        await Tickets.AssignAsync(ticket.Id, zeynep.UserId, Actor.Staff(mehmet));

        var n = Assert.Single(await OfTicketAsync(ticket.Id));
        Assert.Equal((zeynep.UserId, DeskNotificationKind.AssignedToMe, "Mehmet Demir"), (n.RecipientId, n.Kind, n.ActorName));
        var listed = (await Notifications.ListAsync(zeynep.UserId)).First(v => v.TicketId == ticket.Id);
        Assert.Equal("Mehmet Demir size atadı", listed.Text);
        Assert.Equal(ticket.Number, listed.TicketNumber);
        Assert.False(listed.IsRead);
    }

    [Fact]
    public async Task TakingATicketYourselfNotifiesNobody()
    {
        var mehmet = await StaffAsync(DemoSeeder.AgentEmail);
        var ticket = await NewTicketAsync();

        await Tickets.AssignAsync(ticket.Id, mehmet.UserId, Actor.Staff(mehmet));

        Assert.Empty(await OfTicketAsync(ticket.Id));
    }

    [Fact]
    public async Task SystemAssignmentNotifiesTheAssignee()
    {
        var zeynep = await StaffAsync(DemoSeeder.Agent2Email);
        var ticket = await NewTicketAsync();

        await Tickets.AssignAsync(ticket.Id, zeynep.UserId, Actor.System);

        var n = Assert.Single(await OfTicketAsync(ticket.Id));
        Assert.Equal((zeynep.UserId, "Sistem"), (n.RecipientId, n.ActorName));
    }

    [Fact]
    public async Task CustomerAnswerNotifiesTheAssigneeAndStaffRepliesDoNot()
    {
        var mehmet = await StaffAsync(DemoSeeder.AgentEmail);
        var ticket = await NewTicketAsync();
        await Tickets.AssignAsync(ticket.Id, mehmet.UserId, Actor.Staff(mehmet));

        await Tickets.ReplyAsync(ticket.Id, "Bakıyorum.", Actor.Staff(mehmet));
        await Tickets.AddNoteAsync(ticket.Id, "Not.", Actor.Staff(mehmet));
        Assert.Empty(await OfTicketAsync(ticket.Id));

        await Tickets.ReplyAsync(ticket.Id, "Hâlâ çalışmıyor.", Actor.Customer("Ahmet Yılmaz", "ahmet.bildirim@ornek.com.tr"));

        var n = Assert.Single(await OfTicketAsync(ticket.Id));
        Assert.Equal((mehmet.UserId, DeskNotificationKind.CustomerAnswered, "Ahmet Yılmaz"), (n.RecipientId, n.Kind, n.ActorName));
    }

    [Fact]
    public async Task CustomerAnswerOnAnUnassignedTicketNotifiesNobody()
    {
        var ticket = await NewTicketAsync();

        await Tickets.ReplyAsync(ticket.Id, "Merhaba?", Actor.Customer("Ahmet Yılmaz", "ahmet.bildirim@ornek.com.tr"));

        Assert.Empty(await OfTicketAsync(ticket.Id));
    }

    [Fact]
    public async Task CountUpdatesLiveAndReadingClearsIt()
    {
        var admin = await StaffAsync(DemoSeeder.AdminEmail);
        var zeynep = await StaffAsync(DemoSeeder.Agent2Email);
        await Notifications.MarkAllReadAsync(zeynep.UserId);
        Assert.Equal(0, await Notifications.UnreadCountAsync(zeynep.UserId));
        var ticket = await NewTicketAsync();
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Notifications.Subscribe(zeynep.UserId, () =>
        {
            told.TrySetResult();
            return Task.CompletedTask;
        });

        await Tickets.AssignAsync(ticket.Id, zeynep.UserId, Actor.Staff(admin));

        await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await Notifications.UnreadCountAsync(zeynep.UserId));
        var id = (await Notifications.ListAsync(zeynep.UserId))[0].Id;
        await Notifications.MarkReadAsync(zeynep.UserId, id);
        Assert.Equal(0, await Notifications.UnreadCountAsync(zeynep.UserId));
        Assert.True((await Notifications.ListAsync(zeynep.UserId))[0].IsRead);
    }

    [Fact]
    public async Task ReadingSomeoneElsesNotificationChangesNothing()
    {
        var mehmet = await StaffAsync(DemoSeeder.AgentEmail);
        var zeynep = await StaffAsync(DemoSeeder.Agent2Email);
        var ticket = await NewTicketAsync();
        await Tickets.AssignAsync(ticket.Id, zeynep.UserId, Actor.Staff(mehmet));
        var n = Assert.Single(await OfTicketAsync(ticket.Id));

        await Notifications.MarkReadAsync(mehmet.UserId, n.Id);

        Assert.Null(Assert.Single(await OfTicketAsync(ticket.Id)).ReadAt);
    }

    [Fact]
    public async Task SlaWarningIsNotRepeatedWhileUnread()
    {
        var mehmet = await StaffAsync(DemoSeeder.AgentEmail);
        var ticket = await NewTicketAsync();

        Assert.True(await Notifications.RaiseAsync(mehmet.UserId, DeskNotificationKind.SlaNear, ticket.Id, null));
        Assert.False(await Notifications.RaiseAsync(mehmet.UserId, DeskNotificationKind.SlaNear, ticket.Id, null));
        await Notifications.MarkReadAsync(mehmet.UserId, Assert.Single(await OfTicketAsync(ticket.Id)).Id);
        Assert.True(await Notifications.RaiseAsync(mehmet.UserId, DeskNotificationKind.SlaNear, ticket.Id, null));

        Assert.Equal(2, (await OfTicketAsync(ticket.Id)).Count);
        Assert.Equal("SLA süresi dolmak üzere", (await Notifications.ListAsync(mehmet.UserId)).First(v => v.TicketId == ticket.Id).Text);
    }
}

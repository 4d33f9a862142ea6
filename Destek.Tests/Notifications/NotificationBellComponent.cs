using System.Globalization;
using System.Security.Claims;
using Bunit;
using Destek.App.Account;
using Destek.App.Desk.Notifications;
using Destek.Core.Data;
using Destek.Core.Notifications;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Destek.Tests.Notifications;

/// <summary>The app bar's bell, rendered by bUnit on the real services: the count in words, and live.</summary>
[Trait("Category", "Integration")]
public sealed class NotificationBellComponent(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task CountsUnreadInWordsAndFollowsNewOnesLive()
    {
        var zeynep = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.Agent2Email).Select(u => u.Id).SingleAsync());
        var notifications = app.Services.GetRequiredService<DeskNotifications>();
        await notifications.MarkAllReadAsync(zeynep);
        await using var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        foreach (var type in new[] { typeof(DeskNotifications), typeof(StaffDirectory), typeof(IOptions<IdentityOptions>) })
        {
            bunit.Services.AddSingleton(type, app.Services.GetRequiredService(type));
        }

        bunit.Services.AddSingleton<IdentityOptionsAccessor>();
        bunit.Services.AddScoped<CurrentStaff>();
        var auth = bunit.AddAuthorization();
        auth.SetAuthorized(DemoSeeder.Agent2Email);
        auth.SetRoles(Destek.Core.Identity.Roles.Agent);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, zeynep.ToString(CultureInfo.InvariantCulture)));
        bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var bell = bunit.Render<NotificationBell>();
        // The count is read from the database before the first full render.
        var link = bell.WaitForElement("a.notification-bell", TimeSpan.FromSeconds(10));
        Assert.Equal("Bildirimler: okunmamış bildirim yok", link.GetAttribute("aria-label"));
        Assert.Equal("masa/bildirimler", link.GetAttribute("href"));
        Assert.Empty(bell.FindAll(".bell-count"));

        var department = await app.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());
        var tickets = app.Services.GetRequiredService<TicketService>();
        foreach (var i in new[] { 1, 2 })
        {
            var ticket = await tickets.CreateAsync(new NewTicket
            {
                Title = $"Zil {i}", Description = "Açıklama", DepartmentId = department, Source = TicketSource.Api, RequesterName = "ERP",
            }, Actor.System);
            await tickets.AssignAsync(ticket.Id, zeynep, Actor.System);
        }

        bell.WaitForAssertion(() => Assert.Equal("2 okunmamış bildirim", bell.Find("a.notification-bell").GetAttribute("aria-label")), TimeSpan.FromSeconds(10));
        Assert.Equal("2", bell.Find(".bell-count").TextContent);

        await notifications.MarkAllReadAsync(zeynep);
        bell.WaitForAssertion(() => Assert.Equal("Bildirimler: okunmamış bildirim yok", bell.Find("a.notification-bell").GetAttribute("aria-label")), TimeSpan.FromSeconds(10));
    }
}

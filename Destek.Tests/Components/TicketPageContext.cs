using System.Globalization;
using System.Security.Claims;
using Bunit;
using Destek.App.Account;
using Destek.App.Desk;
using Destek.Core;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace Destek.Tests.Components;

/// <summary>
/// The ticket page rendered by bUnit as a signed-in demo staff member, on the real Core services and
/// the real SQLite database of one <see cref="DestekAppFactory"/>. The renderer reports itself
/// interactive, as a live circuit does; JS interop is loose except the draft module, set up here.
/// </summary>
public sealed class TicketPageContext : BunitContext
{
    public const string DraftModule = "./Desk/TicketPage.razor.js";

    private TicketPageContext(DestekAppFactory app, StaffMember staff)
    {
        App = app;
        Staff = staff;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Draft = JSInterop.SetupModule(DraftModule);
        Services.AddMudServices();
        foreach (var type in new[] { typeof(TicketQueries), typeof(TicketService), typeof(StaffDirectory), typeof(ITicketChangeNotifier), typeof(IOptions<DestekOptions>), typeof(IOptions<IdentityOptions>), typeof(TicketFollowLinks) })
        {
            Services.AddSingleton(type, app.Services.GetRequiredService(type));
        }

        Services.AddSingleton(app.Services.GetRequiredService<Destek.Core.Invoices.TicketInvoiceLookup>());
        Services.AddSingleton(app.Services.GetRequiredService<CannedReplyService>());
        Services.AddSingleton(app.Services.GetRequiredService<TicketMergeQueries>());
        Services.AddSingleton(app.Services.GetRequiredService<Destek.Core.Satisfaction.SatisfactionService>());
        Services.AddSingleton(app.Services.GetRequiredService<Destek.App.Desk.Presence.DeskPresence>());
        Services.AddSingleton<IdentityOptionsAccessor>();
        Services.AddScoped<CurrentStaff>();
        var auth = AddAuthorization();
        auth.SetAuthorized(staff.Email);
        auth.SetRoles(staff.IsAdmin ? "Admin" : "Agent");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, staff.UserId.ToString(CultureInfo.InvariantCulture)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public DestekAppFactory App { get; }

    public StaffMember Staff { get; }

    /// <summary>The page's draft module (restore / clear), loose: unplanned calls answer null.</summary>
    public BunitJSModuleInterop Draft { get; }

    public TicketService Tickets => App.Services.GetRequiredService<TicketService>();

    public static async Task<TicketPageContext> SignedInAsync(DestekAppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var staff = await app.Services.GetRequiredService<StaffDirectory>().FindAsync(userId)
            ?? throw new InvalidOperationException($"{email} is not staff");
        return new TicketPageContext(app, staff);
    }

    /// <summary>A fresh ticket in a department, so each test starts from a known history.</summary>
    public async Task<Ticket> NewTicketAsync(string department = ReferenceData.DefaultDepartment, string? requesterEmail = null)
    {
        var departmentId = await App.WithDbAsync(db => db.Departments.Where(d => d.Name == department).Select(d => d.Id).SingleAsync());
        var email = requesterEmail ?? $"musteri-{Guid.NewGuid():N}@ornek.com.tr";
        return await Tickets.CreateAsync(new NewTicket
        {
            Title = "Siparişim gelmedi " + Guid.NewGuid().ToString("N")[..6],
            Description = "Üç gündür kargo hareket etmiyor.",
            DepartmentId = departmentId,
            Source = TicketSource.WebForm,
            RequesterName = "Ayşe Yıldız",
            RequesterEmail = email,
        }, Actor.Customer("Ayşe Yıldız", email));
    }

    /// <summary>Renders the page for a ticket and waits until the ticket (not the loading text) shows.</summary>
    public IRenderedComponent<TicketPage> RenderTicket(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var cut = Render<TicketPage>(p => p.Add(x => x.Id, ticket.Id));
        cut.WaitForAssertion(() => Assert.Equal($"{ticket.Number} — {ticket.Title}", cut.Find("h1").TextContent));
        return cut;
    }

    /// <summary>
    /// Presses keys on a MudBlazor component as its key interceptor script does in a browser: by calling
    /// the [JSInvokable] OnKeyDown of the .NET object the component handed to the script.
    /// </summary>
    public Func<string, Task> KeyInterceptorFor(string elementId)
    {
        var reference = JSInterop.Invocations
            .Where(i => i.Arguments.Contains(elementId))
            .SelectMany(i => i.Arguments)
            .First(a => a?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(DotNetObjectReference<>))!;
        var target = reference.GetType().GetProperty("Value")!.GetValue(reference)!;
        var onKeyDown = target.GetType().GetMethod("OnKeyDown")!;
        return key => (Task)onKeyDown.Invoke(target, [elementId, new KeyboardEventArgs { Key = key, Type = "keydown" }])!;
    }

    public Task<int> HistoryCountAsync(int ticketId) => App.WithDbAsync(db => db.TicketHistory.CountAsync(h => h.TicketId == ticketId));

    public Task<Ticket> ReloadAsync(int ticketId) => App.WithDbAsync(db => db.Tickets.Include(t => t.Messages).SingleAsync(t => t.Id == ticketId));
}

/// <summary>One app (database, demo data) for all ticket page component tests.</summary>
[CollectionDefinition(Name)]
public sealed class TicketPageCollection : ICollectionFixture<DestekAppFactory>
{
    public const string Name = "ticket-page-components";
}

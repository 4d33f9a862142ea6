using Destek.Core.Data;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Destek.Tests.Panel;

[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class PanelInBrowser(BrowserFixture browser)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task PanelIsReachableFromTheMenuAndAccessible(int width, int height)
    {
        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AgentEmail, width, height);
        await page.GotoAsync("/panel");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Panel", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Günlük oluşturulan ve çözülen talepler" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Departman", new() { Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "CSV indir" })).ToBeVisibleAsync();

        await Axe.AssertNoSeriousViolationsAsync(page, "Panel");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways");
    }

    [Fact]
    public async Task QueueSearchesAsYouTypeAndMarksTheMatch()
    {
        var service = browser.App.Services.GetRequiredService<TicketService>();
        var department = await browser.App.WithDbAsync(db => db.Departments.Where(d => d.Name == Destek.Core.Organization.ReferenceData.DefaultDepartment).Select(d => d.Id).FirstAsync());
        var word = "tarayıcı" + Guid.NewGuid().ToString("N")[..8];
        var created = await service.CreateAsync(new NewTicket
        {
            Title = "Arama denemesi",
            Description = $"Ekranda {word} hatası çıkıyor.",
            DepartmentId = department,
            Source = TicketSource.Agent,
            RequesterName = "İrem Aksoy",
            RequesterEmail = "irem@ornek.com.tr",
        }, Actor.Customer("İrem Aksoy", "irem@ornek.com.tr"));

        var page = await Axe.SignedInPageAsync(browser, DemoSeeder.AdminEmail, 1366, 900);
        await page.GotoAsync("/masa?gorunum=tumu");
        var box = page.GetByLabel("Ara", new() { Exact = true });
        await Assertions.Expect(box).ToBeEnabledAsync();
        // Typed letter by letter, upper case with the dotted İ: no Enter, the pause starts the search.
        await box.PressSequentiallyAsync(word.ToUpper(new System.Globalization.CultureInfo("tr-TR"))[..^2], new() { Delay = 40 });

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = created.Number, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".q-snippet mark")).ToHaveTextAsync(word);
        await Axe.AssertNoSeriousViolationsAsync(page, "Talepler (arama)");
    }
}

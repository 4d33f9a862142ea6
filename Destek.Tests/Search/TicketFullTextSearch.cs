using Destek.Core.Data;
using Destek.Core.Organization;
using Destek.Core.Search;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Destek.Tests.Search;

/// <summary>The full-text index on the configured provider (SQLite, and PostgreSQL in the integration run).</summary>
[Trait("Category", "Integration")]
public sealed class TicketFullTextSearch(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private TicketService Tickets => app.Services.GetRequiredService<TicketService>();

    private TicketSearch Search(bool ignoreDiacritics, int candidateLimit = 1000) => new(
        app.Services.GetRequiredService<IDbContextFactory<DestekDbContext>>(), app.Services.GetRequiredService<TicketQueries>(),
        Options.Create(new SearchOptions { IgnoreDiacritics = ignoreDiacritics, CandidateLimit = candidateLimit }));

    private async Task<StaffMember> AdminAsync()
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdminEmail).Select(u => u.Id).SingleAsync());
        return (await app.Services.GetRequiredService<StaffDirectory>().FindAsync(id))!;
    }

    private async Task<Ticket> CreateAsync(string title, string description = "Ayrıntı yok.", string requester = "Deniz Test", string? email = null, string? phone = null)
    {
        var department = await app.WithDbAsync(db => db.Departments.Where(d => d.IsActive).Select(d => d.Id).FirstAsync());
        return await Tickets.CreateAsync(new NewTicket
        {
            Title = title,
            Description = description,
            DepartmentId = department,
            Source = TicketSource.Agent,
            RequesterName = requester,
            RequesterEmail = email,
            RequesterPhone = phone,
        }, Actor.Customer(requester, email ?? "deniz@ornek.com.tr"));
    }

    private async Task<IReadOnlyList<int>> FindAsync(string text, bool ignoreDiacritics = true) =>
        (await Search(ignoreDiacritics).CandidatesAsync(text))?.TicketIds ?? [];

    [Fact]
    public async Task FindsTurkishWordsInAnyCase()
    {
        var tag = Tag();
        var a = await CreateAsync($"Şifremi unuttum {tag}");
        var b = await CreateAsync($"ŞİFREMİ DEĞİŞTİREMİYORUM {tag}");
        var c = await CreateAsync($"şifremi sıfırlayın {tag}");

        Assert.Equal([a.Id, b.Id, c.Id], (await FindAsync($"şifremi {tag}")).Order());
        Assert.Equal([a.Id, b.Id, c.Id], (await FindAsync($"ŞİFREMİ {tag}")).Order());
    }

    [Fact]
    public async Task AWholeWordThatFillsTheCandidatesNeedsNoPrefixMatches()
    {
        var tag = Tag();
        var first = await CreateAsync($"Sipariş iptali {tag}");
        var second = await CreateAsync($"Sipariş adresi {tag}");
        var longer = await CreateAsync($"Siparişlerim gelmedi {tag}"); // the newest: a prefix search would keep it

        // Room for all: the last word is also a prefix, so "Siparişlerim" is found.
        var roomy = await Search(true).CandidatesAsync($"{tag} sipariş");
        Assert.Equal([first.Id, second.Id, longer.Id], roomy!.TicketIds.Order());
        Assert.False(roomy.Capped);

        // Two candidates at most, and the word itself fills them: those two, and the answer says there are more.
        var full = await Search(true, candidateLimit: 2).CandidatesAsync($"{tag} sipariş");
        Assert.Equal([first.Id, second.Id], full!.TicketIds.Order());
        Assert.True(full.Capped);

        // A part of a word never fills them as a word: the prefix finds all three.
        var part = await Search(true, candidateLimit: 5).CandidatesAsync($"{tag} sipari");
        Assert.Equal([first.Id, second.Id, longer.Id], part!.TicketIds.Order());
    }

    [Fact]
    public async Task FoldsTheDottedAndDotlessI()
    {
        var tag = Tag();
        var irem = await CreateAsync($"Fatura sorusu {tag}", requester: "İrem Yıldız");
        var irmak = await CreateAsync($"Fatura sorusu {tag}", requester: "IRMAK Demir");

        Assert.Equal([irem.Id], await FindAsync($"irem {tag}", ignoreDiacritics: false));
        Assert.Equal([irem.Id], await FindAsync($"İREM {tag}", ignoreDiacritics: false));
        Assert.Equal([irmak.Id], await FindAsync($"ırmak {tag}", ignoreDiacritics: false));
        Assert.Equal([irmak.Id], await FindAsync($"IRMAK {tag}", ignoreDiacritics: false));
        // Without marks ı and i are one letter; with them, "irmak" is not "ırmak".
        Assert.Empty(await FindAsync($"irmak {tag}", ignoreDiacritics: false));
        Assert.Equal([irmak.Id], await FindAsync($"irmak {tag}", ignoreDiacritics: true));
    }

    [Fact]
    public async Task IgnoresMarksOnlyWhenTheOptionIsOn()
    {
        var tag = Tag();
        var ticket = await CreateAsync($"Şifre çözümü {tag}");

        Assert.Equal([ticket.Id], await FindAsync($"sifre cozumu {tag}", ignoreDiacritics: true));
        Assert.Empty(await FindAsync($"sifre cozumu {tag}", ignoreDiacritics: false));
        Assert.Equal([ticket.Id], await FindAsync($"şifre çözümü {tag}", ignoreDiacritics: false));
    }

    [Fact]
    public async Task RanksATitleMatchAboveADescriptionMatch()
    {
        var tag = Tag();
        var inDescription = await CreateAsync($"Genel soru {tag}", $"Dün vpnbağlantısı koptu, {tag} tekrar denedim.");
        var inTitle = await CreateAsync($"vpnbağlantısı kopuyor {tag}");

        Assert.Equal([inTitle.Id, inDescription.Id], await FindAsync($"vpnbağlantısı {tag}"));
    }

    [Fact]
    public async Task FindsMessageBodiesAndHighlightsTheMatch()
    {
        var tag = Tag();
        var ticket = await CreateAsync($"Kargo {tag}");
        var admin = await AdminAsync();
        await Tickets.ReplyAsync(ticket.Id, $"Paketiniz <b>yarın</b> kuryeyle {tag}kargom gelecek.", Actor.Staff(admin));

        var page = await Search(true).QueueAsync(admin, new QueueFilter { View = QueueView.All, Search = tag + "kargom" }, 0, 25);

        Assert.Equal([ticket.Id], page!.Page.Items.Select(r => r.Id));
        Assert.Equal($"Paketiniz &lt;b&gt;yarın&lt;/b&gt; kuryeyle <mark>{tag}kargom</mark> gelecek.", page.Snippets[ticket.Id]);
    }

    [Fact]
    public async Task FindsPhoneNumbersAndAddresses()
    {
        var tag = Tag();
        var digits = "5" + Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ticket = await CreateAsync($"Arayın {tag}", email: $"zeynep.{tag}@ornek-firma.com.tr", phone: $"0 ({digits[..3]}) {digits[3..6]} {digits[6..8]} {digits[8..]}");

        Assert.Equal([ticket.Id], await FindAsync("0" + digits));
        Assert.Equal([ticket.Id], await FindAsync($"+90 {digits[..3]} {digits[3..]}"));
        Assert.Equal([ticket.Id], await FindAsync($"zeynep.{tag}@ornek-firma.com.tr"));
        Assert.Equal([ticket.Id], await FindAsync(ticket.Number));
    }

    [Fact]
    public async Task StaysInStepWithEditsRepliesMovesAndDeletes()
    {
        var tag = Tag();
        var admin = await AdminAsync();
        var ticket = await CreateAsync($"Eski başlık {tag}eski");
        var other = await CreateAsync($"Hedef talep {tag}");

        await Tickets.CorrectAsync(ticket.Id, new TicketCorrection { Title = $"Yeni başlık {tag}yeni" }, Actor.Staff(admin));
        Assert.Empty(await FindAsync(tag + "eski"));
        Assert.Equal([ticket.Id], await FindAsync(tag + "yeni"));

        var note = await Tickets.AddNoteAsync(ticket.Id, $"İç not {tag}notu", Actor.Staff(admin));
        Assert.Equal([ticket.Id], await FindAsync(tag + "notu"));

        // A merge moves messages to the surviving ticket: the hit follows the message.
        await app.WithDbAsync(db => db.TicketMessages.Where(m => m.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.TicketId, other.Id)));
        Assert.Equal([other.Id], await FindAsync(tag + "notu"));

        await Tickets.DeleteAsync(other.Id, Actor.Staff(admin));
        Assert.Empty(await FindAsync(tag + "notu"));
        Assert.Equal([ticket.Id], await FindAsync(tag));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"şifre")]
    [InlineData("NEAR(şifre unuttum)")]
    [InlineData("şifre AND OR NOT")]
    [InlineData("*")]
    [InlineData("şi*")]
    [InlineData("'; DROP TABLE Tickets; --")]
    [InlineData("{title}: x")]
    [InlineData("^başlık")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("")]
    public async Task AnyInputIsSafe(string text)
    {
        var admin = await AdminAsync();
        var page = await Search(true).QueueAsync(admin, new QueueFilter { View = QueueView.All, Search = text }, 0, 25);
        Assert.True(page is null || page.Page.Total >= 0);
        Assert.True(await app.WithDbAsync(db => db.Tickets.AnyAsync()));
    }

    [Fact]
    public async Task DemoTicketsFoundWhateverTheCase()
    {
        var titles = await app.WithDbAsync(db => db.Tickets.Where(t => t.Title.StartsWith("Şifremi")).Select(t => t.Id).ToListAsync());
        Assert.NotEmpty(titles);
        Assert.Superset(titles.ToHashSet(), (await FindAsync("şifremi")).ToHashSet());
    }

    private static string Tag() => "x" + Guid.NewGuid().ToString("N")[..10];
}
